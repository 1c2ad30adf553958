"""Background tasks of citizens' voices (django-tasks, database backend)."""

from django_tasks import task

from kyodo.voices.services import survey_export_run


@task()
def run_survey_export(export_id: str) -> int:
    """Write a survey's Excel export; the export page follows its progress."""
    return survey_export_run(export_id=export_id).processed
