"""Creating and changing councils."""

from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.councils import search
from kyodo.councils.models import COUNCIL_FIELDS, Council
from kyodo.councils.services.common import refuse, save


def _check(council: Council) -> None:
    if council.abolished_on and council.abolished_on < council.established_on:
        refuse(
            "abolished_on", _("The council cannot be abolished before it was established."), "order"
        )
    if not council.seats:
        refuse("seats", _("A council has at least one seat."), "seats")
    if not council.term_years:
        refuse("term_years", _("The term of office is at least one year."), "term")


def _own_department(actor, data: dict) -> dict:
    # Staff create councils of their own department only; coordinators choose any.
    if actor is not None and not actor.has_perm("councils.edit_council", Council(**data)):
        data = {**data, "department": actor.department}
    return data


@transaction.atomic
def council_create(*, actor, data: dict) -> Council:
    require_perm(actor, "councils.add_council")
    data = {key: value for key, value in data.items() if key in COUNCIL_FIELDS}
    council = Council(**_own_department(actor, data))
    _check(council)
    save(council, actor)
    search.reindex(council)
    return council


@transaction.atomic
def council_update(*, actor, council: Council, data: dict) -> Council:
    require_perm(actor, "councils.edit_council", council)
    for key, value in data.items():
        if key in COUNCIL_FIELDS:
            setattr(council, key, value)
    # Moving a council to another department is the coordinator's decision.
    require_perm(actor, "councils.edit_council", council)
    _check(council)
    save(council, actor)
    search.reindex(council)
    return council
