"""The figures of councils for any date: shares of women and of 公募 members, vacancies, and the
members to warn about (long service, many seats). Pure functions of rows already read, so
that a list of any length costs the same few queries (`selectors` reads the rows).

Japanese cities report the share of women twice, with and without the 充て職 (members by
office, whose gender the city does not choose); both are given here against the national target
of the 第5次男女共同参画基本計画 (`KYODO_COUNCIL_WOMEN_TARGET`, 40 %).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from django.conf import settings

from kyodo.councils.models import Category, Gender


@dataclass
class Shares:
    seats: int = 0
    members: int = 0
    women: int = 0
    members_without_ex_officio: int = 0
    women_without_ex_officio: int = 0
    public: int = 0

    def add(self, category: str, gender: int) -> None:
        self.members += 1
        is_woman = gender == Gender.FEMALE
        self.women += is_woman
        self.public += category == Category.PUBLIC
        if category != Category.EX_OFFICIO:
            self.members_without_ex_officio += 1
            self.women_without_ex_officio += is_woman

    @staticmethod
    def _percent(part: int, whole: int) -> Fraction | None:
        return Fraction(100 * part, whole) if whole else None

    @property
    def women_share(self):
        return self._percent(self.women, self.members)

    @property
    def women_share_without_ex_officio(self):
        return self._percent(self.women_without_ex_officio, self.members_without_ex_officio)

    @property
    def public_share(self):
        return self._percent(self.public, self.members)

    @property
    def vacancies(self) -> int:
        return max(self.seats - self.members, 0)

    @property
    def target(self) -> int:
        return settings.KYODO_COUNCIL_WOMEN_TARGET

    @property
    def below_target(self) -> bool:
        share = self.women_share
        return share is not None and share < self.target


def shares_by_council(councils, terms) -> dict:
    """{council id: Shares}; `terms` are the rows (council_id, category, person__gender) of the
    terms in office on the day in question."""
    result = {council.pk: Shares(seats=council.seats) for council in councils}
    for row in terms:
        result[row["council_id"]].add(row["category"], row["person__gender"])
    return result


def city_shares(shares) -> Shares:
    """The city-wide figures: the sum over councils (a person on two councils counts twice,
    as seats are what cities report)."""
    total = Shares()
    for one in shares:
        for name in (
            "seats",
            "members",
            "women",
            "members_without_ex_officio",
            "women_without_ex_officio",
            "public",
        ):
            setattr(total, name, getattr(total, name) + getattr(one, name))
    return total


def years_between(start: date, end: date) -> Fraction:
    return Fraction((end - start).days + 1, 365)


@dataclass
class MemberWarnings:
    service_years: Fraction = Fraction(0)
    seats: int = 0
    councils: list = field(default_factory=list)

    @property
    def long_service(self) -> bool:
        return self.service_years >= settings.KYODO_COUNCIL_LONG_SERVICE_YEARS

    @property
    def many_seats(self) -> bool:
        return self.seats > settings.KYODO_COUNCIL_MAX_SEATS

    @property
    def any(self) -> bool:
        return self.long_service or self.many_seats


def member_warnings(terms, council_id, day: date) -> dict:
    """{person id: MemberWarnings} from every term of the persons concerned (rows with
    person_id, council_id, starts_on, ends_on): service on `council_id` up to `day`, all terms
    together, and the councils each person sits on that day."""
    result = defaultdict(MemberWarnings)
    seats = defaultdict(set)
    for row in terms:
        person = row["person_id"]
        if row["council_id"] == council_id and row["starts_on"] <= day:
            end = min(row["ends_on"], day)
            result[person].service_years += years_between(row["starts_on"], end)
        if row["starts_on"] <= day <= row["ends_on"]:
            seats[person].add(row["council_id"])
    for person, councils in seats.items():
        result[person].seats = len(councils)
    return dict(result)


def quorum_met(rule: str, members: int, attending: int) -> bool:
    """Whether `attending` members (present or by proxy) make the quorum of `members` in office."""
    if members == 0:
        return False
    if rule == "majority":
        return attending * 2 > members
    if rule == "two_thirds":
        return attending * 3 >= members * 2
    return attending * 2 >= members
