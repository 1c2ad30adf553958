"""One version of all of Kyodo's records: it changes whenever any record is saved or deleted.

Figures computed from many tables (the coordinator's dashboard) are kept in the cache under
this version, so they are never stale and yet cost nothing to show again while nothing has
changed. Unlike the public page versions of ``cache_versions`` (bumped by the services that
publish), this one follows every change, private ones included, because the dashboard counts
drafts, verifications and budgets too.

Every save, delete and many-to-many change of a model of a Kyodo app bumps it (the signals are
connected once in ``CoreConfig.ready``). Writes that send no signal — ``bulk_create`` and
``QuerySet.update`` — call ``touch()`` themselves where they change what is counted.
"""

import uuid

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from kyodo.core import cache_versions

KIND = "records"

# Models whose rows change on their own and count in no figure: bumping on them would empty
# the cache for nothing (sessions, the reminders' bookkeeping, the search index, tasks).
IGNORED = {"core.remindersent", "cycles.reminderdelivery", "search.searchdocument"}


def touch() -> None:
    """Make every figure computed before now miss the cache.

    As ``cache_versions.bump``: at once, and again when the transaction commits (figures
    computed in between from the data before the commit are stored under a version nobody
    asks for). A transaction saving many records schedules one bump for its commit.
    """
    _new_version()
    connection = transaction.get_connection()
    if not any(
        getattr(callback, "records_version", False)
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_new_version)


def _new_version() -> None:
    cache_versions.version_store().set(cache_versions.PREFIX + KIND, uuid.uuid4().hex, timeout=None)


_new_version.records_version = True


def current() -> str:
    """The version figures are stored under (a cache read, no query)."""
    return cache_versions.versions([KIND])[0]


def _counts(sender) -> bool:
    """A model of a Kyodo app (a user's groups included: their through model is accounts'),
    but not its history (the change itself bumps already) nor the reports made from it."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_config is None:
        return False
    return (
        meta.app_config.name.startswith("kyodo.")
        and meta.label_lower not in IGNORED
        and meta.app_label != "reports"
        and not meta.model_name.startswith("historical")
    )


def _changed(sender, raw=False, action="post_", **kwargs) -> None:
    # raw: loaddata's fixtures, not edits; m2m_changed also fires before the change (pre_…).
    if not raw and action.startswith("post_") and _counts(sender):
        touch()


def install() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"kyodo-records-version-{id(signal)}")
