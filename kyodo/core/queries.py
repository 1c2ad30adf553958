"""Conditions written once for a model and used on the records that point to it."""

from django.db.models import Q
from django.db.models.expressions import Combinable


def through(path: str, condition: Q) -> Q:
    """`condition` on a model, as the same condition on the records that reach it by `path`:
    `through("project", Q(department_id=d))` is `Q(project__department_id=d)`.

    Filtering the joined row lets the database start from whichever table is smaller, where
    `project__in=<queryset>` is an IN (subquery) that SQLite reads whole first: the staff home's
    cycles of a department of 4,000 projects took 10 ms that way on SQLite, 0.1 ms joined
    (bench, 4 December 2026). Values must be plain values or querysets: an F() names a field of
    the model the condition was written for and would point elsewhere once moved.
    """
    children = []
    for child in condition.children:
        if isinstance(child, Q):
            children.append(through(path, child))
            continue
        if not isinstance(child, tuple) or isinstance(child[1], Combinable):
            raise ValueError(f"{child!r}: an expression cannot be moved through {path}")
        lookup, value = child
        children.append((f"{path}__{lookup}", value))
    return Q(*children, _connector=condition.connector, _negated=condition.negated)
