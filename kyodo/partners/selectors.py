"""Reads of partner data for pages, exports, the portal and other apps."""

from collections import defaultdict
from dataclasses import dataclass

import jaconv
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet

from kyodo.core.normalize import nfkc, normalize_search_key
from kyodo.core.search.index import explain, search, search_best
from kyodo.core.search.registry import STAFF
from kyodo.core.work_cache import kept_count, kept_value
from kyodo.partners.models import ActivityField, Partner, PartnerMembership, PartnerType

# The fields of a partner anyone may see once the partner consents to be listed. The contact
# person's name, phone and e-mail are never among them.
PUBLIC_FIELDS = (
    "name",
    "name_kana",
    "representative",
    "founded_on",
    "member_count",
    "area_served",
    "website",
    "activity",
    "track_record",
)


def partners_for_list() -> QuerySet[Partner]:
    return Partner.objects.select_related("partner_type").prefetch_related("fields")


def with_field_names(partners: list) -> list:
    """Each partner with `field_names`, its fields of activity by name in their order: one query
    of names (a prefetch of the fields as objects was a third of the directory's work)."""
    through = Partner.fields.through
    names = defaultdict(list)
    rows = (
        through.objects.filter(partner_id__in=[partner.pk for partner in partners])
        .order_by("activityfield__sort_order", "activityfield__name")
        .values_list("partner_id", "activityfield__name")
    )
    for partner_id, name in rows if partners else ():
        names[partner_id].append(name)
    for partner in partners:
        partner.field_names = names[partner.pk]
    return partners


def public_partners() -> QuerySet[Partner]:
    """Partners that consented to the public portal (for the portal; public fields only)."""
    return partners_for_list().filter(listed_publicly=True)


def public_representation(partner: Partner) -> dict:
    """What the public may know of a consenting partner: no contact person, no finances."""
    data = {name: getattr(partner, name) for name in PUBLIC_FIELDS}
    data["id"] = partner.pk
    data["partner_type"] = partner.partner_type.name
    data["fields"] = [field.name for field in partner.fields.all()]
    return data


def duplicate_partners(name: str, representative: str, exclude=None) -> list[Partner]:
    """Partners with the same name and representative (spaces and widths folded)."""
    key = normalize_search_key(representative)
    candidates = Partner.objects.filter(name=name.strip())
    if exclude is not None and exclude.pk:
        candidates = candidates.exclude(pk=exclude.pk)
    return [p for p in candidates if normalize_search_key(p.representative) == key]


@dataclass
class PartnerFilters:
    query: str = ""
    partner_type: PartnerType | None = None
    field: ActivityField | None = None
    area: str = ""

    def apply(self, queryset: QuerySet[Partner]) -> QuerySet[Partner]:
        if self.partner_type is not None:
            queryset = queryset.filter(partner_type=self.partner_type)
        if self.field is not None:
            queryset = queryset.filter(fields=self.field)
        if self.area:
            queryset = queryset.filter(
                Q(area_served__icontains=self.area) | Q(address__icontains=self.area)
            )
        return queryset


def filtered_partners(filters: PartnerFilters) -> list[Partner]:
    """All partners matching the filters, ranked by the search when there is a query."""
    if not filters.query.strip():
        return list(filters.apply(partners_for_list()))
    hits = search(filters.apply(Partner.objects.all()), filters.query, audience=STAFF)
    found = partners_for_list().in_bulk([hit.object_id for hit in hits])
    return [found[hit.object_id] for hit in hits if hit.object_id in found]


# Partners offered when a person looks one up by name (the project workspace's "add a partner").
NAMED_LIMIT = 10


def partners_named(words: str, *, excluding=(), limit: int = NAMED_LIMIT):
    """Up to `limit` partners whose name or reading holds every word, and whether there are more.

    Full-width and half-width are folded and hiragana is read as katakana, so 「ぼうさい」 finds
    「ボウサイ」 in a reading. Replaces a <select> of every partner (20,000 at a large city).
    """
    queryset = partners_for_list().prefetch_related(None).exclude(pk__in=list(excluding))
    for word in nfkc(words).split()[:5]:
        kana = jaconv.hira2kata(word)
        queryset = queryset.filter(
            Q(name__icontains=word) | Q(name_kana__icontains=word) | Q(name_kana__icontains=kana)
        )
    found = list(queryset.order_by("name_kana", "name", "pk")[: limit + 1])
    return found[:limit], len(found) > limit


def partners_to_export(filters: PartnerFilters):
    """What the export writes, without reading the partners: a queryset in the list's order, or
    the ids of the search's hits in its order (`transfer.export_rows` reads them in chunks)."""
    if not filters.query.strip():
        return filters.apply(Partner.objects.all()).order_by("name_kana", "name", "pk")
    hits = search(filters.apply(Partner.objects.all()), filters.query, audience=STAFF)
    return [hit.object_id for hit in hits]


# Rows per page of the staff list.
PAGE_SIZE = 50


def _page_number(page_number) -> int:
    try:
        return max(1, int(page_number))
    except (TypeError, ValueError):
        return 1


def _search_page(filters: PartnerFilters, number: int) -> tuple[list, int, int]:
    """The page's hits as (partner id, words it holds), the number of hits in all and the page
    number (the last page if past it): ranked by the index in one query, kept under the filters
    and the page until a record changes (ranking 9,000 hits of 防災 was half the page's time)."""
    queryset = filters.apply(Partner.objects.all())

    def best(n):
        offset = (n - 1) * PAGE_SIZE
        return search_best(queryset, filters.query, PAGE_SIZE, offset=offset, audience=STAFF)

    def make():
        found, shown = best(number), number
        if not found.hits and number > 1:
            shown = max(1, -(-best(1).total // PAGE_SIZE))
            found = best(shown)
        hits = explain(Partner, found.hits, filters.query, audience=STAFF)
        return [(hit.object_id, hit.terms) for hit in hits], found.total, shown

    return kept_value("partners:search", {**vars(filters), "page": number}, make)


def _list_rows() -> QuerySet[Partner]:
    """What a row of the staff list shows, and nothing more (a partner has some 40 columns);
    its fields of activity come by `with_field_names`."""
    return Partner.objects.select_related("partner_type").only(
        "name", "name_kana", "area_served", "partner_type__name"
    )


def partner_page(filters: PartnerFilters, page_number):
    """One page of the staff list; with a query, each partner carries `matched_terms`.

    Without a query the database counts and pages the filtered, ordered partners (the
    (name_kana, name) index gives the order); with one, the search index ranks and pages the
    hits, so only the page's partners are read.
    """
    if not filters.query.strip():
        ordered = filters.apply(_list_rows()).order_by("name_kana", "name", "pk")
        paginator = Paginator(ordered, PAGE_SIZE)
        # The same for every reader of the staff list: kept under the filters alone.
        paginator.count = kept_count("partners:list", vars(filters), ordered)
        page = paginator.get_page(page_number)
        page.object_list = with_field_names(list(page.object_list))
        return page
    hits, total, number = _search_page(filters, _page_number(page_number))
    page = Paginator(range(total), PAGE_SIZE).get_page(number)
    partners = _list_rows().in_bulk([object_id for object_id, _ in hits])
    page.object_list = []
    for object_id, terms in hits:
        if object_id in partners:
            partners[object_id].matched_terms = terms
            page.object_list.append(partners[object_id])
    with_field_names(page.object_list)
    return page


def partner_detail_queryset() -> QuerySet[Partner]:
    return Partner.objects.select_related("partner_type").prefetch_related("fields", "attachments")


def partner_members(partner: Partner) -> QuerySet[PartnerMembership]:
    """The organisation's member accounts with their user, longest-standing first."""
    return partner.memberships.select_related("user").order_by("created_at", "user__username")


def accounts_named(words: str, partner: Partner, limit: int = 10) -> list:
    """Accounts outside the city hall whose name or reading holds `words` (a coordinator adds
    one to an organisation without reading its address off another organisation's list), the
    organisation's own members aside; at most `limit`, by reading."""
    words = nfkc(words).strip()
    if not words:
        return []
    reading = jaconv.hira2kata(words)  # a reading typed in hiragana finds the katakana
    found = (
        get_user_model()
        .objects.filter(is_active=True, department__isnull=True)
        .filter(Q(display_name__icontains=words) | Q(display_name_kana__icontains=reading))
        .exclude(partner_memberships__partner=partner)
        .order_by("display_name_kana", "display_name")
    )
    return list(found[:limit])


def accounts_named_by_id(account_id) -> list:
    """The active account with this id, as a list (empty when there is none)."""
    return list(get_user_model().objects.filter(pk=account_id, is_active=True))


def users_with_email(email: str):
    """Accounts registered under `email` (already normalised), whatever its case."""
    return get_user_model().objects.filter(email__iexact=email)


def partner_projects(partner: Partner):
    """The track record derived from projects: participations with their project, newest first."""
    return partner.participations.select_related("project", "project__department").order_by(
        "-project__created_at"
    )


# Fields compared between two history records (not timestamps, which always change).
HISTORY_FIELDS = [
    f for f in Partner._meta.concrete_fields if f.name not in ("id", "created_at", "updated_at")
]


def _changed_fields(newer, older) -> list[str]:
    changed = [
        str(f.verbose_name)
        for f in HISTORY_FIELDS
        if getattr(newer, f.attname) != getattr(older, f.attname)
    ]
    if _field_ids(newer) != _field_ids(older):
        changed.append(str(Partner._meta.get_field("fields").verbose_name))
    return changed


def _field_ids(record) -> set:
    return {row.activityfield_id for row in record.historicalpartner_fields_set.all()}


def partner_history(partner: Partner, limit: int = 50) -> list[dict]:
    """Who changed what and when, newest first, from django-simple-history.

    The difference between records is computed here from prefetched rows (fields of activity
    included), so the page's query count does not grow with the length of the history.
    """
    history = (
        partner.history.select_related("history_user")
        .prefetch_related("historicalpartner_fields_set")
        .order_by("-history_date", "-history_id")
    )
    records = list(history[: limit + 1])
    entries = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        entries.append(
            {
                "date": newer.history_date,
                "user": newer.history_user,
                "type": newer.history_type,
                "changed": _changed_fields(newer, older) if older is not None else [],
            }
        )
    return entries[:limit]


def taxonomy() -> tuple[QuerySet[PartnerType], QuerySet[ActivityField]]:
    return (
        PartnerType.objects.annotate(partner_count=Count("partners")),
        ActivityField.objects.annotate(partner_count=Count("partners")),
    )


def partners_of(user) -> QuerySet[Partner]:
    return Partner.objects.filter(memberships__user=user).select_related("partner_type")
