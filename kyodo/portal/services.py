"""Every change to events and news goes through these functions.

Events and news are published the same way (who may publish for which project, the search
index kept up to date, withdrawal instead of deletion); only their fields differ.
"""

from django.db import transaction
from django.utils import timezone

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import require_perm
from kyodo.portal.models import Event, News
from kyodo.portal.search import reindex

# The fields a person edits, in the order of the forms (kyodo/portal/forms.py uses them).
EVENT_FIELDS = (
    "title",
    "title_kana",
    "title_en",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "fee",
    "fee_details",
    "capacity",
    "organiser",
    "co_organisers",
    "application_deadline",
    "application_method",
    "contact_name",
    "contact_phone",
    "url",
    "description",
    "project",
    "publish_on",
    "internal_note",
)
NEWS_FIELDS = ("title", "body", "project", "publish_on", "internal_note")

# The kind of public pages (kyodo.core.cache_versions) each model shows on.
PUBLIC_KIND = {Event: "events", News: "news"}


def _apply(item, fields: tuple[str, ...], values: dict) -> None:
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    reindex(item)


def _create(model, fields: tuple[str, ...], actor, values: dict):
    """A new item; partner members only for a project their organisation is part of."""
    bump(PUBLIC_KIND[model])
    require_perm(actor, "portal.manage_items")
    require_perm(actor, "portal.publish_for_project", values.get("project"))
    item = model(created_by=actor)
    _apply(item, fields, values)
    return item


def _update(item, fields: tuple[str, ...], actor, values: dict, lock_version=None):
    """Change an item; refused if someone saved it since `lock_version` (the form's:
    `EditConflict`, naming what they changed)."""
    bump(PUBLIC_KIND[type(item)])
    require_perm(actor, "portal.change_item", item)
    if "project" in values:
        require_perm(actor, "portal.publish_for_project", values["project"])
    check_lock(type(item), item, lock_version)
    item.lock_version += 1
    _apply(item, fields, values)
    return item


def _withdraw(item, actor, reason: str):
    """Take an item off the public portal (it stays in the history)."""
    bump(PUBLIC_KIND[type(item)])
    require_perm(actor, "portal.change_item", item)
    item.withdrawn_at = item.withdrawn_at or timezone.now()
    item.withdrawal_reason = reason
    item.save(update_fields=["withdrawn_at", "withdrawal_reason", "updated_at"])
    reindex(item)
    return item


@transaction.atomic
def event_create(*, actor, **values) -> Event:
    """Create an event; partner members only for a project their organisation is part of."""
    return _create(Event, EVENT_FIELDS, actor, values)


@transaction.atomic
def event_update(*, actor, event: Event, lock_version: int | None = None, **values) -> Event:
    return _update(event, EVENT_FIELDS, actor, values, lock_version)


@transaction.atomic
def event_withdraw(*, actor, event: Event, reason: str = "") -> Event:
    """Take an event off the public portal (it stays in the history)."""
    return _withdraw(event, actor, reason)


@transaction.atomic
def news_create(*, actor, **values) -> News:
    return _create(News, NEWS_FIELDS, actor, values)


@transaction.atomic
def news_update(*, actor, news: News, lock_version: int | None = None, **values) -> News:
    return _update(news, NEWS_FIELDS, actor, values, lock_version)


@transaction.atomic
def news_withdraw(*, actor, news: News, reason: str = "") -> News:
    return _withdraw(news, actor, reason)
