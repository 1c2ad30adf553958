"""Background tasks of the reports app (django-tasks, database backend)."""

from django_tasks import task

from kyodo.reports.services import annual_report_make


@task()
def make_annual_report(report_id: str) -> str:
    """Make the year's workbook and PDF; the report page follows the progress."""
    return annual_report_make(report_id=report_id).status
