"""The module of migration 0002 (its name starts with a digit), for 0004 and the demo seed."""

from importlib import import_module


def migration_0002():
    return import_module("kyodo.guideline.migrations.0002_guideline_checklists")
