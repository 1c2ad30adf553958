"""How events and news become search documents (registered in PortalConfig.ready).

Only public text is indexed (never the internal note or the contact); withdrawn items leave
the index, and items not yet published are held back by the public querysets at search time.
"""

from datetime import date

from kyodo.core.search import registry
from kyodo.core.search.index import index_delete, index_update
from kyodo.portal.models import Event, News

EVENT_KIND = "portal.event"
NEWS_KIND = "portal.news"


def _event_body(event: Event) -> list[str]:
    return [event.description, event.place_name, event.organiser, event.co_organisers]


def public_from(item) -> date | None:
    """The day an event or news item is published (withdrawn ones leave the index)."""
    return item.publish_on if item.withdrawn_at is None else None


def register() -> None:
    registry.register(
        EVENT_KIND,
        model=Event,
        title=lambda event: [event.title, event.title_kana, event.title_en],
        body=_event_body,
        queryset=lambda: Event.objects.filter(withdrawn_at__isnull=True),
        public_from=public_from,
    )
    registry.register(
        NEWS_KIND,
        model=News,
        title=lambda news: [news.title],
        body=lambda news: [news.body],
        queryset=lambda: News.objects.filter(withdrawn_at__isnull=True),
        public_from=public_from,
    )


def reindex(item) -> None:
    """Keep one event or news item's search document in step with it (called by services)."""
    if item.withdrawn_at is None:
        index_update(item)
    else:
        index_delete(item)
