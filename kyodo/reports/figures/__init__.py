"""Every figure of the dashboard and the annual report, for one scope (year, department)."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language

from kyodo.core import records_version
from kyodo.reports.figures.common import Row, Scope, Section
from kyodo.reports.figures.measures import council_figures, opinion_figures, survey_figures
from kyodo.reports.figures.others import calls, dialogue, partners, staff_participation, subsidies
from kyodo.reports.figures.projects import (
    budget,
    project_flows,
    projects_by_phase_and_form,
    verification,
    verification_areas,
)

__all__ = ["Dashboard", "Row", "Scope", "Section", "cache_key", "dashboard"]


@dataclass
class Dashboard:
    scope: Scope
    sections: list[Section]
    staff_activity: list = field(default_factory=list)
    staff_training: list = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)


def dashboard(scope: Scope) -> Dashboard:
    """The figures of the year for the city or one department, in a fixed number of queries."""
    phase, form = projects_by_phase_and_form(scope)
    sections = [
        project_flows(scope),
        phase,
        form,
        verification(scope),
        verification_areas(scope),
        budget(scope),
        subsidies(scope),
        calls(scope),
        partners(scope),
        council_figures(scope),
        dialogue(scope),
        opinion_figures(scope),
        survey_figures(scope),
    ]
    activity, training = staff_participation(scope)
    return Dashboard(scope, sections, activity, training)


def cache_key(scope: Scope) -> str:
    """Where a scope's figures are kept: until any record changes, the day or the language.

    The version of all records is bumped by every save and delete, the running year is read as
    of today, and the titles are translated when computed, so what is kept is what would be
    computed now.
    """
    department = scope.department.pk if scope.department is not None else "city"
    return ":".join(
        (
            "kyodo:reports:figures",
            str(scope.year),
            str(department),
            get_language() or "",
            timezone.localdate().isoformat(),
            records_version.current(),
        )
    )
