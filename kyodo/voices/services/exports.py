"""The Excel export of a survey's answers, written by a background task (kyodo.voices.tasks)
whose progress the export page shows, as the partner import does."""

from django.db import DatabaseError, transaction

from kyodo.core.permissions import require_perm
from kyodo.voices import exports
from kyodo.voices.models import ExportStatus, Survey, SurveyExport


@transaction.atomic
def survey_export_request(*, actor, survey: Survey) -> SurveyExport:
    """Queue an export; the task starts once this transaction has committed."""
    require_perm(actor, "voices.manage_survey", survey)
    export = SurveyExport.objects.create(
        survey=survey, requested_by=actor, total=survey.responses.count()
    )
    from kyodo.voices.tasks import run_survey_export

    transaction.on_commit(lambda: run_survey_export.enqueue(str(export.pk)))
    return export


def _progress(export: SurveyExport, **values) -> None:
    # Written outside any long transaction so that the export page sees it move.
    SurveyExport.objects.filter(pk=export.pk).update(**values)


def survey_export_run(*, export_id) -> SurveyExport:
    """Write the workbook (run by the task worker, as the system)."""
    export = SurveyExport.objects.select_related("survey").get(pk=export_id)
    _progress(export, status=ExportStatus.RUNNING, processed=0)
    try:
        content = exports.workbook_bytes(
            export.survey, progress=lambda done, total: _progress(export, processed=done)
        )
    except (DatabaseError, ValueError) as exc:
        _progress(export, status=ExportStatus.FAILED, message=str(exc)[:2000])
    else:
        _progress(export, status=ExportStatus.DONE, processed=export.total, content=content)
    export.refresh_from_db()
    return export
