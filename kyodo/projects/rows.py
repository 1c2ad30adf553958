"""Rows of the staff project tables kept in the cache, each under what it shows.

The body of the project list is kept whole for its reader (core.work_cache) until any record
changes; in a busy office that is often, and then all fifty rows were rendered again although
one at most had changed (the row template was four tenths of the page's work). Each row is
now kept under the values it shows (`row_inputs`), so after a change only the rows whose
values differ are rendered: nothing can be stale, since a different value is a different key.

Whoever adds to projects/_row.html must add what it reads to `row_inputs`.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

ROW_TEMPLATE = "projects/_row.html"
PREFIX = "kyodo:project-row:"


def row_inputs(project) -> tuple:
    """Everything projects/_row.html and next_step() read of a list row (see _list_queryset)."""
    department = project.department.name if project.department_id else ""
    return (
        get_language(),
        str(project.pk),
        project.title,
        project.status,
        project.form or "",
        department,
        tuple(p.partner.name for p in project.participations.all()),
        getattr(project, "agreement", None) is not None,
        getattr(project, "unconfirmed_count", 0),
        getattr(project, "checkpoints_open", None),
    )


def _key(project) -> str:
    return PREFIX + hashlib.sha256(repr(row_inputs(project)).encode()).hexdigest()


def rendered_rows(projects) -> list[SafeString]:
    """Each project's table row: the kept ones in one cache read, the others rendered."""
    projects = list(projects)
    seconds = settings.WORK_CACHE_SECONDS
    keys = [_key(project) for project in projects] if seconds else []
    kept = cache.get_many(keys) if keys else {}
    template = get_template(ROW_TEMPLATE)
    rows, new = [], {}
    for index, project in enumerate(projects):
        html = kept.get(keys[index]) if keys else None
        if html is None:
            html = template.render({"project": project})
            if keys:
                new[keys[index]] = html
        rows.append(SafeString(html))
    if new:
        cache.set_many(new, seconds)
    return rows
