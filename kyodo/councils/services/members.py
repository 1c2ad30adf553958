"""Members (persons) and their terms of office on a council."""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core import normalize
from kyodo.core.permissions import require_perm
from kyodo.councils import search
from kyodo.councils.models import Category, Council, Person, Term
from kyodo.councils.services.common import refuse, save

PERSON_FIELDS = ("name", "name_kana", "gender", "phone", "email", "address")
TERM_FIELDS = ("category", "partner", "position", "starts_on", "ends_on")


def _concurrent(council: Council, day: date, exclude) -> int:
    return council.terms.on(day).exclude(pk=exclude).count()


def _check_term(term: Term) -> None:
    council = term.council
    if term.ends_on < term.starts_on:
        refuse("ends_on", _("The term cannot end before it starts."), "order")
    if term.category != Category.ORGANISATION and term.partner_id:
        refuse("partner", _("Only a member recommended by an organisation names one."), "partner")
    others = council.terms.filter(starts_on__lte=term.ends_on, ends_on__gte=term.starts_on)
    others = others.exclude(pk=term.pk)
    if others.filter(person=term.person).exists():
        refuse("starts_on", _("This person already holds a term on this council then."), "twice")
    # The most members at once falls on the first day of some term: check each such day.
    days = {term.starts_on} | {
        day for day in others.values_list("starts_on", flat=True) if day >= term.starts_on
    }
    if any(_concurrent(council, day, term.pk) >= council.seats for day in days):
        refuse(
            None,
            _("The council has %(seats)d seats and all of them are filled during this term.")
            % {"seats": council.seats},
            "seats",
        )


def _person_data(data: dict) -> dict:
    data = {key: value for key, value in data.items() if key in PERSON_FIELDS}
    if data.get("phone"):
        data["phone"] = normalize.normalize_phone(data["phone"])
    return data


@transaction.atomic
def term_add(
    *, actor, council: Council, term_data: dict, person: Person | None = None, person_data=None
) -> Term:
    """Appoint a person (an existing one, or a new one from `person_data`) for one term."""
    require_perm(actor, "councils.edit_council", council)
    if person is None:
        person = Person(**_person_data(person_data or {}))
        save(person, actor)
    term = Term(council=council, person=person)
    for key in TERM_FIELDS:
        setattr(term, key, term_data.get(key, getattr(term, key)))
    _check_term(term)
    save(term, actor)
    search.reindex(council)
    return term


@transaction.atomic
def term_update(*, actor, term: Term, data: dict) -> Term:
    require_perm(actor, "councils.edit_council", term.council)
    for key in TERM_FIELDS:
        if key in data:
            setattr(term, key, data[key])
    _check_term(term)
    save(term, actor)
    return term


@transaction.atomic
def term_reappoint(*, actor, term: Term) -> Term:
    """A new term for the same person, starting the day after the current one ends."""
    starts = term.ends_on + timedelta(days=1)
    years = term.council.term_years
    try:
        ends = starts.replace(year=starts.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        ends = starts.replace(month=3, day=1, year=starts.year + years) - timedelta(days=1)
    data = {key: getattr(term, key) for key in TERM_FIELDS}
    return term_add(
        actor=actor,
        council=term.council,
        person=term.person,
        term_data={**data, "starts_on": starts, "ends_on": ends},
    )


@transaction.atomic
def person_update(*, actor, person: Person, council: Council, data: dict) -> Person:
    """Change a member's name, gender or contact details (by the staff of one of their councils)."""
    require_perm(actor, "councils.edit_council", council)
    if not person.terms.filter(council=council).exists():
        refuse(None, _("This person is not a member of this council."), "not_member")
    for key, value in _person_data(data).items():
        setattr(person, key, value)
    save(person, actor)
    for each in Council.objects.filter(terms__person=person).distinct():
        search.reindex(each)
    return person
