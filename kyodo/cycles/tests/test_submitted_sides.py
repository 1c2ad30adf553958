"""Whether each side has submitted its verification, read as two columns of the panels' one
query of cycles (cycles.selectors.current_cycles, submitted_sides) instead of a prefetch."""

import pytest
from django.db.models import Q

from kyodo.cycles import selectors, services
from kyodo.cycles.models import Side
from kyodo.cycles.tests.factories import all_answers, cycle_in
from kyodo.guideline.selectors import current_version

pytestmark = pytest.mark.django_db


def _submit(cycle, side, *, submit=True):
    questions = list(current_version("verification").questions.all())
    verification = services.verification_save(
        actor=None, cycle=cycle, side=side, answers=all_answers(questions)
    )
    if submit:
        services.verification_submit(actor=None, verification=verification)


def _read(cycle):
    return selectors.current_cycles(Q(pk=cycle.project_id)).get(pk=cycle.pk)


def test_sides_and_what_each_needs_follow_the_submitted_verifications(project):
    cycle = cycle_in(project, "check")
    assert selectors.submitted_sides(_read(cycle)) == set()
    assert selectors.needs_next(_read(cycle), Side.CITY) == "検証待ち"
    _submit(cycle, Side.PARTNER, submit=False)  # a draft is not submitted
    assert selectors.submitted_sides(_read(cycle)) == set()
    _submit(cycle, Side.CITY)
    assert selectors.submitted_sides(_read(cycle)) == {Side.CITY}
    assert selectors.needs_next(_read(cycle), Side.CITY) == "パートナーの確認待ち"
    assert selectors.needs_next(_read(cycle), Side.PARTNER) == "こちら側の検証を提出してください"
    _submit(cycle, Side.PARTNER)
    assert selectors.submitted_sides(_read(cycle)) == {Side.CITY, Side.PARTNER}
    assert selectors.needs_next(_read(cycle), Side.CITY) == "双方の検証が提出済み"


def test_a_cycle_read_otherwise_counts_as_nothing_submitted(project):
    cycle = cycle_in(project, "check")
    _submit(cycle, Side.CITY)
    assert selectors.submitted_sides(cycle) == set()
