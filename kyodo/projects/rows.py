"""The rows of the staff project tables (projects/_table.html), kept one by one under what
each shows (core.kept_rows): after a change only the changed rows are rendered again."""

from kyodo.core.kept_rows import rendered_rows

ROW_TEMPLATE = "projects/_row.html"


def row_inputs(project) -> tuple:
    """Everything projects/_row.html and next_step() read of a list row (selectors._list_base)."""
    return (
        str(project.pk),
        project.title,
        project.status,
        project.form or "",
        project.department.name if project.department_id else "",
        tuple(project.partner_names),
        getattr(project, "agreement", None) is not None,
        getattr(project, "unconfirmed_count", 0),
        getattr(project, "checkpoints_open", None),
    )


def project_rows(projects) -> list:
    return rendered_rows(projects, ROW_TEMPLATE, row_inputs, "project")
