"""How a partner becomes a search document (registered in PartnersConfig.ready).

Two documents per partner: the staff one holds the private profile (capacity, planning,
similar work, qualifications, trainings) and the titles of every project it takes part in, for
the city's search and matching; the public one holds only what the public partner page shows,
so that the portal's search cannot be asked whether a private word belongs to a partner.
"""

from datetime import date

from kyodo.core.search import registry
from kyodo.partners.models import Partner

KIND = "partners.partner"
PUBLIC_KIND = f"{KIND}.public"  # see SearchableType.public_kind


def title_parts(partner: Partner) -> list[str]:
    return [partner.name, partner.name_kana]


def _body(partner: Partner) -> list[str]:
    return body_parts(
        partner,
        partner.partner_type.name,
        [field.name for field in partner.fields.all()],
        [project.title for project in partner.projects.all()],
    )


def body_parts(partner, type_name: str, field_names: list[str], project_titles: list[str]):
    """The body text; also used by imports, which index partners before they are saved."""
    return [
        type_name,
        *field_names,
        partner.area_served,
        partner.activity,
        partner.track_record,
        partner.similar_work,
        partner.capacity,
        partner.planning,
        partner.qualifications,
        partner.trainings,
        # The derived track record: titles of the projects it took part in.
        *project_titles,
    ]


def public_body_parts(partner, type_name: str, field_names: list[str]) -> list[str]:
    """The public body: what `public_representation()` shows, and nothing else."""
    return [type_name, *field_names, partner.area_served, partner.activity, partner.track_record]


def _public_body(partner: Partner) -> list[str]:
    return public_body_parts(
        partner, partner.partner_type.name, [field.name for field in partner.fields.all()]
    )


def public_from(partner: Partner) -> date | None:
    """Listed partners are public from always (the public search's rule on the document)."""
    return date.min if partner.listed_publicly else None


def register() -> None:
    registry.register(
        KIND,
        model=Partner,
        title=title_parts,
        body=_body,
        queryset=partners_for_index,
        public_body=_public_body,
        public_from=public_from,
    )


def partners_for_index():
    return Partner.objects.select_related("partner_type").prefetch_related("fields", "projects")
