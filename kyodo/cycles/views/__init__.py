"""Cycle pages inside the project workspace: plan, records, verification, comparison,
evaluation, trouble log and history. One module per part of the cycle; this one re-exports."""

from kyodo.cycles.views.evaluation import conclude, evaluation
from kyodo.cycles.views.history import history, project_history
from kyodo.cycles.views.plan import actuals, detail, line_delete, transition
from kyodo.cycles.views.project import project_cycles
from kyodo.cycles.views.records import attachment, records
from kyodo.cycles.views.troubles import trouble_edit, troubles
from kyodo.cycles.views.verification import comparison, verification, verification_correct

__all__ = [
    "actuals",
    "attachment",
    "comparison",
    "conclude",
    "detail",
    "evaluation",
    "history",
    "line_delete",
    "project_cycles",
    "project_history",
    "records",
    "transition",
    "trouble_edit",
    "troubles",
    "verification",
    "verification_correct",
]
