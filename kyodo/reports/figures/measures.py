"""Figures of councils (§3-3-⑤) and citizens' voices (§5-5) for the dashboard and the report."""

from datetime import date

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kyodo.core.wareki import fiscal_year_bounds
from kyodo.councils import selectors as councils
from kyodo.reports.figures.common import Row, Scope, Section, per_year
from kyodo.voices import selectors as voices
from kyodo.voices.models import Survey


def share_of(value) -> float | None:
    """A council share in percent (a Fraction, or None) as a share from 0 to 1."""
    return None if value is None else float(value) / 100


def councils_on(day: date, department):
    existing = councils.councils_for_staff().filter(
        Q(abolished_on__isnull=True) | Q(abolished_on__gte=day), established_on__lte=day
    )
    if department is not None:
        existing = existing.filter(department=department)
    return councils.council_rows(existing, day=day)


def council_figures(scope: Scope) -> Section:
    """Councils existing at each year's end (today for the running year): their members' shares
    of women and of 公募 against the target, vacancies and the councils flagged hollow."""
    columns = []
    for year in scope.years:
        day = min(fiscal_year_bounds(year)[1], scope.as_of)
        rows = councils_on(day, scope.department)
        columns.append((rows, councils.city_figures(rows)))
    target = settings.KYODO_COUNCIL_WOMEN_TARGET / 100
    return Section(
        "councils",
        _("Councils: balance and conclusions"),
        _(
            "Councils in existence at the end of each fiscal year (today for the running one), "
            "their members on that day, and those that may be hollow (形骸化の恐れ). Women's "
            "target: %(target)s%%."
        )
        % {"target": settings.KYODO_COUNCIL_WOMEN_TARGET},
        scope.years,
        [
            Row(_("Councils"), [len(rows) for rows, _s in columns], reverse("councils:list")),
            Row(_("Members"), [shares.members for _r, shares in columns]),
            Row(
                _("Share of women"),
                [share_of(shares.women_share) for _r, shares in columns],
                percent=True,
            ),
            Row(
                _("Share of women, ex officio members aside"),
                [share_of(shares.women_share_without_ex_officio) for _r, shares in columns],
                percent=True,
            ),
            Row(_("Target share of women"), [target] * len(columns), percent=True),
            Row(
                _("Share publicly recruited"),
                [share_of(shares.public_share) for _r, shares in columns],
                percent=True,
            ),
            Row(_("Vacancies"), [shares.vacancies for _r, shares in columns]),
            Row(
                _("Councils below the women's target"),
                [sum(row.shares.below_target for row in rows) for rows, _s in columns],
            ),
            Row(
                _("Councils that may be hollow"),
                [sum(bool(row.hollow) for row in rows) for rows, _s in columns],
                reverse("councils:hollow"),
            ),
        ],
        chart_percent=True,
    )


def opinion_figures(scope: Scope) -> Section:
    """Citizens' opinions by fiscal year of receipt (the whole city)."""
    found = {figures.year: figures for figures in voices.statistics_by_year()}
    empty = voices.YearFigures(0, 0, 0, None, None, None)
    years = [found.get(year, empty) for year in scope.years]
    return Section(
        "opinions",
        _("Citizens' opinions and the city's replies"),
        _(
            "Opinions received in each fiscal year (the whole city), those replied to, the "
            "median days to the reply, and the shares replied within %(days)s days and "
            "reflected (反映した・一部反映)."
        )
        % {"days": settings.VOICES_REPLY_TARGET_DAYS},
        scope.years,
        [
            Row(_("Received"), [y.received for y in years], reverse("voices:manage_opinions")),
            Row(_("Replied"), [y.replied for y in years]),
            Row(_("Median days to reply"), [y.median_days for y in years]),
            Row(
                _("Share replied within the target"), [y.within_target for y in years], percent=True
            ),
            Row(_("Share reflected"), [y.reflected for y in years], percent=True),
        ],
    )


def survey_figures(scope: Scope) -> Section:
    """The satisfaction surveys closing in each fiscal year and their answers."""
    surveys = Survey.objects.filter(published_at__isnull=False)
    if scope.department is not None:
        surveys = surveys.filter(department=scope.department)
    found = per_year(
        surveys.annotate(answers=Count("responses")),
        "closes_at",
        scope.years,
        datetimes=True,
        n=lambda q: Count("pk", filter=q),
    )
    start, end = fiscal_year_bounds(scope.year)
    this_year = (
        surveys.filter(closes_at__date__range=(start, end))
        .annotate(answers=Count("responses"))
        .order_by("closes_at")[:20]
    )
    return Section(
        "surveys",
        _("Satisfaction surveys"),
        _(
            "Published surveys closing in each fiscal year; for the chosen year, each survey "
            "with its number of answers (its results are on its own page)."
        ),
        scope.years,
        [
            Row(_("Surveys"), [found[y]["n"] for y in scope.years]),
            *(
                Row(
                    survey.title,
                    [None] * (len(scope.years) - 1) + [survey.answers],
                    reverse("voices:survey_results", args=[survey.pk]),
                )
                for survey in this_year
            ),
        ],
    )
