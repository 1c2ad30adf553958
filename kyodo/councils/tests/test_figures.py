"""The shares, vacancies and member warnings, on councils computed by hand."""

from datetime import date
from fractions import Fraction

import pytest

from kyodo.councils import selectors
from kyodo.councils.figures import quorum_met
from kyodo.councils.models import Category, Gender
from kyodo.councils.tests.factories import appoint, make_council

pytestmark = pytest.mark.django_db

INSIDE = date(2026, 1, 15)
AFTER = date(2027, 6, 1)


@pytest.fixture
def council():
    """10 seats. Until 2027-03-31: 3 women (one of them 充て職), 3 men (two 充て職), one
    person who declined to state; 2 of the 7 publicly recruited. From 2027-04-01 only the
    reappointed: 1 woman (公募) and 1 man (充て職)."""
    council = make_council(seats=10)
    appoint(
        council, "女性公募", gender=Gender.FEMALE, category=Category.PUBLIC, ends=date(2029, 3, 31)
    )
    appoint(council, "女性学識", gender=Gender.FEMALE, category=Category.ACADEMIC)
    appoint(council, "女性充て職", gender=Gender.FEMALE, category=Category.EX_OFFICIO)
    appoint(council, "男性公募", gender=Gender.MALE, category=Category.PUBLIC)
    appoint(
        council,
        "男性充て職1",
        gender=Gender.MALE,
        category=Category.EX_OFFICIO,
        ends=date(2029, 3, 31),
    )
    appoint(council, "男性充て職2", gender=Gender.MALE, category=Category.EX_OFFICIO)
    appoint(council, "不明", gender=Gender.NOT_KNOWN, category=Category.ORGANISATION)
    return council


def test_shares_on_a_day_inside_the_terms(council):
    shares = selectors.council_rows([council], day=INSIDE)[0].shares
    assert (shares.members, shares.women, shares.public) == (7, 3, 2)
    assert shares.women_share == Fraction(300, 7)  # 42.9 %
    # Without the three 充て職: 2 women of 4 members.
    assert shares.members_without_ex_officio == 4
    assert shares.women_share_without_ex_officio == Fraction(50)
    assert shares.public_share == Fraction(200, 7)
    assert shares.vacancies == 3
    assert not shares.below_target


def test_shares_on_a_day_after_most_terms_ended(council):
    shares = selectors.council_rows([council], day=AFTER)[0].shares
    assert (shares.members, shares.women) == (2, 1)
    assert shares.women_share == Fraction(50)
    assert shares.women_share_without_ex_officio == Fraction(100)
    assert shares.vacancies == 8


def test_below_target_follows_the_setting(council, settings):
    shares = selectors.council_rows([council], day=INSIDE)[0].shares
    settings.KYODO_COUNCIL_WOMEN_TARGET = 45
    assert shares.below_target  # 42.9 % < 45 %
    settings.KYODO_COUNCIL_WOMEN_TARGET = 40
    assert not shares.below_target


def test_city_figures_add_up_the_seats(council):
    other = make_council(seats=4)
    appoint(other, "男性", gender=Gender.MALE, category=Category.ACADEMIC)
    rows = selectors.council_rows([council, other], day=INSIDE)
    city = selectors.city_figures(rows)
    assert (city.seats, city.members, city.women) == (14, 8, 3)
    assert city.women_share == Fraction(300, 8)


def test_a_council_without_members_has_no_share():
    shares = selectors.council_rows([make_council()], day=INSIDE)[0].shares
    assert shares.women_share is None
    assert not shares.below_target


def test_long_service_counts_every_term_on_the_council(settings):
    council = make_council(seats=5, established_on=date(2010, 4, 1))
    first = appoint(council, "長年委員", starts=date(2014, 4, 1), ends=date(2018, 3, 31))
    appoint(council, person=first.person, starts=date(2018, 4, 1), ends=date(2022, 3, 31))
    current = appoint(council, person=first.person, starts=date(2022, 4, 1), ends=date(2026, 3, 31))
    terms = [current]
    nine = selectors.warnings_for(terms, council, date(2023, 3, 31))[first.person_id]
    assert not nine.long_service  # 9 years
    ten = selectors.warnings_for(terms, council, date(2024, 3, 31))[first.person_id]
    assert ten.long_service
    settings.KYODO_COUNCIL_LONG_SERVICE_YEARS = 12
    assert not ten.long_service


def test_many_seats_across_councils(settings):
    councils = [make_council() for _ in range(5)]
    term = appoint(councils[0], "兼任委員")
    for other in councils[1:4]:
        appoint(other, person=term.person)
    four = selectors.warnings_for([term], councils[0], INSIDE)[term.person_id]
    assert (four.seats, four.many_seats) == (4, False)
    appoint(councils[4], person=term.person)
    five = selectors.warnings_for([term], councils[0], INSIDE)[term.person_id]
    assert (five.seats, five.many_seats) == (5, True)
    # Not on a day after the terms ended.
    assert selectors.warnings_for([term], councils[0], AFTER)[term.person_id].seats == 0


@pytest.mark.parametrize(
    "rule,members,attending,met",
    [
        ("half", 10, 5, True),
        ("half", 10, 4, False),
        ("majority", 10, 5, False),
        ("majority", 10, 6, True),
        ("two_thirds", 9, 6, True),
        ("two_thirds", 9, 5, False),
        ("half", 0, 0, False),
    ],
)
def test_quorum(rule, members, attending, met):
    assert quorum_met(rule, members, attending) is met
