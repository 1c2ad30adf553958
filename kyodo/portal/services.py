"""Every change to events and news goes through these functions."""

from django.db import transaction
from django.utils import timezone

from kyodo.core.permissions import require_perm
from kyodo.portal.models import Event, News
from kyodo.portal.search import reindex

EVENT_FIELDS = {
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
}
NEWS_FIELDS = {"title", "body", "project", "publish_on", "internal_note"}


def _apply(item, fields: set[str], values: dict) -> None:
    unknown = set(values) - fields
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    reindex(item)


@transaction.atomic
def event_create(*, actor, **values) -> Event:
    """Create an event; partner members only for a project their organisation is part of."""
    require_perm(actor, "portal.manage_items")
    require_perm(actor, "portal.publish_for_project", values.get("project"))
    event = Event(created_by=actor)
    _apply(event, EVENT_FIELDS, values)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, **values) -> Event:
    require_perm(actor, "portal.change_item", event)
    if "project" in values:
        require_perm(actor, "portal.publish_for_project", values["project"])
    _apply(event, EVENT_FIELDS, values)
    return event


@transaction.atomic
def event_withdraw(*, actor, event: Event, reason: str = "") -> Event:
    """Take an event off the public portal (it stays in the history)."""
    require_perm(actor, "portal.change_item", event)
    event.withdrawn_at = event.withdrawn_at or timezone.now()
    event.withdrawal_reason = reason
    event.save(update_fields=["withdrawn_at", "withdrawal_reason", "updated_at"])
    reindex(event)
    return event


@transaction.atomic
def news_create(*, actor, **values) -> News:
    require_perm(actor, "portal.manage_items")
    require_perm(actor, "portal.publish_for_project", values.get("project"))
    news = News(created_by=actor)
    _apply(news, NEWS_FIELDS, values)
    return news


@transaction.atomic
def news_update(*, actor, news: News, **values) -> News:
    require_perm(actor, "portal.change_item", news)
    if "project" in values:
        require_perm(actor, "portal.publish_for_project", values["project"])
    _apply(news, NEWS_FIELDS, values)
    return news


@transaction.atomic
def news_withdraw(*, actor, news: News, reason: str = "") -> News:
    require_perm(actor, "portal.change_item", news)
    news.withdrawn_at = news.withdrawn_at or timezone.now()
    news.withdrawal_reason = reason
    news.save(update_fields=["withdrawn_at", "withdrawal_reason", "updated_at"])
    reindex(news)
    return news
