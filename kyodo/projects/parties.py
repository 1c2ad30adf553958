"""The parties of a project's agreement: 甲 (the city), then 乙, 丙 … one per partner.

The roles page, the costs and the agreement documents all name the parties from here, so that a
third partner gets its own column and its own bearer everywhere, never 「乙丙」 as one party.
"""

from dataclasses import dataclass

from kyodo.projects.models import CostBearer, CostLine, Participation, RoleLine, RolePart

CITY_MARK = "甲"
# The partners follow the city in this order (十干 after 甲); ten parties is more than any
# agreement the guideline has in view.
PARTNER_MARKS = ["乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]


@dataclass(frozen=True)
class Party:
    mark: str
    name: str
    participation: Participation | None = None  # None for the city

    @property
    def key(self) -> str:
        """The value a form's choice of bearer carries: "city" or the participation's id."""
        return CostBearer.CITY if self.participation is None else str(self.participation.pk)

    @property
    def label(self) -> str:
        return f"{self.mark}（{self.name}）"


def partner_parties(project) -> list[Party]:
    """乙, 丙 … in the order the partners joined the project (one query)."""
    participations = (
        Participation.objects.filter(project=project)
        .select_related("partner")
        .order_by("created_at", "pk")
    )
    return [Party(_mark(i), p.partner.name, p) for i, p in enumerate(participations)]


def _mark(index: int) -> str:
    # Past 癸 an agreement cannot name the party (agreement_missing says so); the pages still
    # show every partner, numbered.
    return PARTNER_MARKS[index] if index < len(PARTNER_MARKS) else f"団体{index + 1}"


def parties(project, city_name: str) -> list[Party]:
    return [Party(CITY_MARK, city_name), *partner_parties(project)]


def join_marks(marks: list[str]) -> str:
    """「甲」, 「甲及び乙」, 「甲、乙及び丙」: how a Japanese agreement lists its parties."""
    if len(marks) <= 1:
        return "".join(marks)
    return "、".join(marks[:-1]) + "及び" + marks[-1]


@dataclass
class RoleRow:
    line: object  # RoleLine
    parts: list[str]  # one per partner party, in the parties' order


@dataclass
class CostRow:
    line: object  # CostLine
    party: Party | None  # None: a partner-borne line whose partner is not chosen yet


@dataclass
class RolesAndCosts:
    parties: list[Party]
    role_rows: list[RoleRow]
    cost_rows: list[CostRow]
    totals: list[tuple[Party, int]]  # each party's share, 甲 first
    unassigned: int  # yen borne by "the partners" without a partner named (old lines)

    @property
    def partners(self) -> list[Party]:
        return self.parties[1:]

    @property
    def total(self) -> int:
        return sum(amount for _party, amount in self.totals) + self.unassigned


def roles_and_costs(project, city_name: str) -> RolesAndCosts:
    """The roles table with a column per partner and the costs with a bearer per line: what the
    roles page and the agreement documents show, in three queries whatever the number of lines."""

    everyone = parties(project, city_name)
    by_participation = {p.participation.pk: p for p in everyone[1:]}
    lines = list(RoleLine.objects.filter(project=project))
    texts = {
        (part.role_line_id, part.participation_id): part.text
        for part in RolePart.objects.filter(role_line__project=project)
    }
    role_rows = [
        RoleRow(line, [texts.get((line.pk, p.participation.pk), "") for p in everyone[1:]])
        for line in lines
    ]
    shares = {party.mark: 0 for party in everyone}
    unassigned = 0
    cost_rows = []
    for line in CostLine.objects.filter(project=project):
        if line.bearer == CostBearer.CITY:
            party = everyone[0]
        else:
            party = by_participation.get(line.participation_id)
        cost_rows.append(CostRow(line, party))
        if party is None:
            unassigned += line.amount
        else:
            shares[party.mark] += line.amount
    totals = [(party, shares[party.mark]) for party in everyone]
    return RolesAndCosts(everyone, role_rows, cost_rows, totals, unassigned)
