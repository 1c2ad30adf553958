"""Make sure the checklists exist, e.g. after `manage.py flush` or in browser tests, whose
database is emptied between tests and so loses what the data migration loaded."""

from importlib import import_module

from django.apps import apps

from kyodo.guideline.models import Checklist

_migration = import_module("kyodo.guideline.migrations.0002_guideline_checklists")


def seed() -> None:
    if not Checklist.objects.exists():
        _migration.load(apps, None)
