"""What both files of the annual report say: the title, the summary tables and the labels."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kyodo.core.templatetags.kyodo import percent
from kyodo.core.wareki import fiscal_year_label
from kyodo.cycles.models import EvaluationDecision
from kyodo.reports.figures import Dashboard, Section
from kyodo.reports.figures.measures import councils_on, share_of

PROJECT_COLUMNS = [
    _lazy("Project"),
    _lazy("Department in charge"),
    _lazy("Form of collaboration"),
    _lazy("Phase"),
    _lazy("Partners"),
    _lazy("Budget (yen)"),
    _lazy("Actual (yen)"),
    _lazy("Verified by"),
    _lazy("Evaluation"),
]


def labels() -> dict:
    return {
        "sides": [_("not verified"), _("one side"), _("both sides")],
        "decisions": {value: str(label) for value, label in EvaluationDecision.choices},
    }


def title(year: int) -> str:
    return _("Annual collaboration report, %(year)s") % {"year": fiscal_year_label(year)}


def cell(value, as_percent: bool):
    if value is None:
        return "—"
    if as_percent:
        return percent(value)
    if isinstance(value, float):
        return round(value, 2)
    return value


def section_table(section: Section) -> list[list]:
    """A section as rows of cells, its header first."""
    header = [_("Item"), *section.year_labels]
    if section.key == "verification_areas":
        header = [_("Item"), _("City side"), _("Partner side")]
    return [header] + [
        [row.label, *(cell(v, row.percent) for v in row.values)] for row in section.rows
    ]


def measures_tables(board: Dashboard) -> list[tuple[str, list[list]]]:
    """The promotion measures by department, with the small-group rule as on the dashboard."""
    tables = []
    fewer = _("fewer than %(n)s") % {"n": settings.ENGAGEMENT_MIN_GROUP}
    for name, figures in (
        (_("Staff civic activity by department"), board.staff_activity),
        (_("Staff trained by department"), board.staff_training),
    ):
        rows = [[_("Department"), _("Staff"), _("Staff who took part"), _("Share")]]
        for row in figures:
            if row.suppressed:
                rows.append([str(row.department), fewer, "—", "—"])
            else:
                rows.append([str(row.department), row.staff, row.participants, percent(row.share)])
        tables.append((name, rows))
    tables.append((_("Councils"), council_table(board)))
    return tables


def council_table(board: Dashboard) -> list[list]:
    """Each council existing at the year's end with its members' shares and its hollow flag."""
    rows = [
        [
            _("Council"),
            _("Department"),
            _("Members"),
            _("Share of women"),
            _("Share publicly recruited"),
            _("May be hollow"),
        ]
    ]
    for row in councils_on(board.scope.as_of, board.scope.department):
        rows.append(
            [
                row.council.name,
                str(row.council.department),
                row.shares.members,
                percent(share_of(row.shares.women_share)),
                percent(share_of(row.shares.public_share)),
                "　".join(str(reason) for reason in row.hollow) or "—",
            ]
        )
    return rows
