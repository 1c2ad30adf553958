"""The partner's profile: registering, changing and keeping it in the search index."""

from collections.abc import Iterable

from django.db import transaction

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import index_update
from kyodo.partners.models import (
    ActivityField,
    Partner,
)

# What a partner's own members may change; the rest (type, consent aside) is the same.
EDITABLE_FIELDS = (
    "partner_type",
    "name",
    "name_kana",
    "representative",
    "founded_on",
    "member_count",
    "area_served",
    "postal_code",
    "address",
    "website",
    "contact_name",
    "contact_phone",
    "contact_email",
    "listed_publicly",
    "activity",
    "track_record",
    "capacity",
    "planning",
    "organisation",
    "annual_budget",
    "revenue_sources",
    "similar_work",
    "qualifications",
    "trainings",
    "instructors",
    "officers",
)


def _attribute_history(obj, actor) -> None:
    # Outside a request (tasks, commands) simple-history cannot see who acted; tell it.
    if actor is not None:
        obj._history_user = actor


@transaction.atomic
def partner_create(*, actor, data: dict, fields: Iterable[ActivityField] = ()) -> Partner:
    bump("partners")
    require_perm(actor, "partners.add_partner")
    partner = Partner(**{key: value for key, value in data.items() if key in EDITABLE_FIELDS})
    partner.full_clean()
    _attribute_history(partner, actor)
    partner.save()
    partner.fields.set(list(fields))
    index_update(partner)
    return partner


@transaction.atomic
def partner_update(
    *,
    actor,
    partner: Partner,
    data: dict,
    fields: Iterable[ActivityField] | None = None,
    lock_version: int | None = None,
) -> Partner:
    """Change the profile; refused if someone saved it since `lock_version` (the form's)."""
    bump("partners")
    require_perm(actor, "partners.change_partner", partner)
    check_lock(Partner, partner, lock_version)
    for key, value in data.items():
        if key in EDITABLE_FIELDS:
            setattr(partner, key, value)
    partner.full_clean()
    partner.lock_version += 1
    _attribute_history(partner, actor)
    partner.save()
    if fields is not None:
        partner.fields.set(list(fields))
    index_update(partner)
    return partner


def partner_index_refresh(*, partner: Partner) -> None:
    """Re-index a partner whose derived data changed (e.g. it joined a project).

    The projects app calls this after adding or removing a participation, so that the
    partner's track record is found by search and matching.
    """
    bump("partners")
    index_update(partner)
