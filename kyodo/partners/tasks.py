"""Background tasks of the partner registry (django-tasks, database backend)."""

from django_tasks import task

from kyodo.partners.services import partner_import_run


@task()
def run_partner_import(partner_import_id: str) -> int:
    """Save a large checked import; the status page follows its progress."""
    return partner_import_run(partner_import_id=partner_import_id).created_count
