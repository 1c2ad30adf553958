from django import template
from django.utils.html import format_html

from kyodo.projects import rows
from kyodo.projects.next_step import next_step as _next_step

register = template.Library()


@register.simple_tag
def next_step(project) -> str:
    """The project's next task as a link to where it is done (list annotations: no query)."""
    step = _next_step(project)
    if step is None:
        return "—"
    return format_html('<a href="{}">{}</a>', step.url, step.text)


@register.filter
def project_rows(projects) -> list:
    """The rows of projects/_table.html, each kept under what it shows (projects/rows.py)."""
    return rows.project_rows(projects)
