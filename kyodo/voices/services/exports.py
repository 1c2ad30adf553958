"""The Excel export of a survey's answers, written by a background task (kyodo.voices.tasks)
whose progress the export page shows, as the partner import does."""

from django.db import DatabaseError, transaction
from django.db.models import BinaryField, Func, Value

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


# The stored workbook is written, as the download reads it, a mebibyte at a time.
STORE_PIECE = 1024 * 1024


class _Appended(Func):
    """`column || piece`, the bytes appended in the database: PostgreSQL joins bytea; SQLite
    joins them as text, which keeps every byte, and the cast makes the result a blob again.
    (Django's Concat would cast to text on PostgreSQL.)"""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = BinaryField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="CAST(%(expressions)s AS BLOB)", **extra_context
        )


def _store(export: SurveyExport, file) -> None:
    """The workbook file into `content` piece by piece: never whole in this process."""
    rows = SurveyExport.objects.filter(pk=export.pk)
    rows.update(content=b"")
    while piece := file.read(STORE_PIECE):
        rows.update(content=_Appended("content", Value(piece, output_field=BinaryField())))


def _progress(export: SurveyExport, **values) -> None:
    # Written outside any long transaction so that the export page sees it move.
    SurveyExport.objects.filter(pk=export.pk).update(**values)


def survey_export_run(*, export_id) -> SurveyExport:
    """Write the workbook (run by the task worker, as the system)."""
    export = SurveyExport.objects.select_related("survey").get(pk=export_id)
    _progress(export, status=ExportStatus.RUNNING, processed=0)
    try:
        with exports.workbook_file(
            export.survey, progress=lambda done, total: _progress(export, processed=done)
        ) as file:
            _store(export, file)
    except (DatabaseError, ValueError, OSError) as exc:
        # A half-stored workbook is dropped: only a finished export is ever downloaded.
        _progress(export, status=ExportStatus.FAILED, message=str(exc)[:2000], content=None)
    else:
        _progress(export, status=ExportStatus.DONE, processed=export.total)
    export.refresh_from_db()
    return export
