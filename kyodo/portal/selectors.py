"""What the public may see of events and news: the ONE definition.

The public pages, the iCalendar and Atom feeds, the open data files and the JSON API all start
from `public_events()` and `public_news()`, so their privacy rules cannot diverge. Private
fields (internal notes, withdrawal reasons, who created an item) are deferred here and never
read by any public serialiser.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import DurationField, ExpressionWrapper, F, Max, Q, QuerySet
from django.utils import timezone

from kyodo.core import records_version
from kyodo.portal.models import Event, News
from kyodo.projects.models import PUBLIC_STATUSES, Project

PRIVATE_FIELDS = ("internal_note", "withdrawal_reason", "created_by")


def public_projects() -> QuerySet[Project]:
    """Projects whose title may be shown next to an event or news item: past the partnership
    agreement (projects.models.PUBLIC_STATUSES)."""
    return Project.objects.filter(status__in=PUBLIC_STATUSES)


def public_events(*, today: date | None = None) -> QuerySet[Event]:
    """Published, not withdrawn events, soonest first, with their public project."""
    return (
        Event.objects.published(today)
        .defer(*PRIVATE_FIELDS)
        .select_related("project")
        .order_by("start_date", "start_time", "title", "id")
    )


def public_news(*, today: date | None = None) -> QuerySet[News]:
    """Published, not withdrawn news, newest first."""
    return (
        News.objects.published(today)
        .defer(*PRIVATE_FIELDS)
        .select_related("project")
        .order_by("-publish_on", "-created_at", "id")
    )


def public_project_of(item) -> Project | None:
    """The related project if it is one the public may see, else None."""
    project = item.project
    if project is None or project.status not in PUBLIC_STATUSES:
        return None
    return project


def public_project_of_id(project_id) -> Project | None:
    """The project of this id, its title and key only, if the public may see it, else None."""
    if project_id is None:
        return None
    return public_projects().filter(pk=project_id).only("title", "status").first()


def longest_event() -> timedelta:
    """The longest span (end - start) of any event.

    On PostgreSQL one step in an index on the span (portal migration 0004); on SQLite a full
    scan. Cached until any record changes (`records_version`, which every save and delete of
    an event moves, in the admin site too): reading the version costs no query, where the
    newest `updated_at` it was keyed by before cost one on every page of events.
    """
    key = f"portal.longest-event.{records_version.current()}"
    cached = cache.get(key)
    if cached is None:
        span = ExpressionWrapper(F("end_date") - F("start_date"), output_field=DurationField())
        cached = Event.objects.aggregate(longest=Max(span))["longest"] or timedelta(0)
        cache.set(key, cached, 3600)
    return cached


def upcoming_events(*, today: date | None = None) -> QuerySet[Event]:
    """Events not over yet, soonest first.

    The lower bound on start_date is implied by `end_date >= today` but tells PostgreSQL where
    to start in the index that matches the order; without it, a page of 20 upcoming events
    among 100,000 first walks over every past event.
    """
    today = today or timezone.localdate()
    earliest = today - longest_event()
    return public_events(today=today).filter(end_date__gte=today, start_date__gte=earliest)


def past_events(*, today: date | None = None) -> QuerySet[Event]:
    today = today or timezone.localdate()
    return (
        public_events(today=today)
        .filter(end_date__lt=today)
        .order_by("-start_date", "-start_time", "title", "id")
    )


def events_between(first: date, last: date, *, today: date | None = None) -> QuerySet[Event]:
    """Events that take place on at least one day from `first` to `last` (inclusive).

    The lower bound on start_date follows from the longest event; it turns "every event not
    over by `first`" (half of 100,000) into a short range of the start-date index.
    """
    earliest = first - longest_event()
    return public_events(today=today).filter(
        start_date__lte=last, start_date__gte=earliest, end_date__gte=first
    )


def _filter(queryset, starts: str, ends: str, date_from, date_to, project_id):
    """Items ending on or after `date_from`, starting on or before `date_to`, of a project."""
    if date_from:
        queryset = queryset.filter(**{f"{ends}__gte": date_from})
    if date_to:
        queryset = queryset.filter(**{f"{starts}__lte": date_to})
    if project_id:
        queryset = queryset.filter(project_id=project_id, project__status__in=PUBLIC_STATUSES)
    return queryset


def filter_events(
    queryset: QuerySet[Event], *, date_from: date | None = None, date_to=None, project_id=None
) -> QuerySet[Event]:
    """Events taking place (on some day) between the dates, of a public project."""
    return _filter(queryset, "start_date", "end_date", date_from, date_to, project_id)


def filter_news(
    queryset: QuerySet[News], *, date_from: date | None = None, date_to=None, project_id=None
) -> QuerySet[News]:
    """News published between the dates, of a public project."""
    return _filter(queryset, "publish_on", "publish_on", date_from, date_to, project_id)


@dataclass(frozen=True)
class Freshness:
    """What a public page's validator (ETag) depends on."""

    last_updated: object


def freshness(queryset: QuerySet) -> Freshness:
    """The newest change in the table behind `queryset`: what public pages' ETags hang on.

    Deliberately unfiltered, so that it is one lookup in the updated_at index even with
    100,000 events. Every change a service makes (edit, withdrawal) moves it; what the date
    alone changes (publication, upcoming or past) is covered by the date in the ETag itself.
    Deleting a row in the admin site does not move it: the pages catch up with the next edit.
    """
    last = queryset.model.objects.aggregate(last=Max("updated_at"))["last"]
    return Freshness(last_updated=last)


def items_for_manager(user) -> tuple[QuerySet[Event], QuerySet[News]]:
    """Events and news a staff member or partner member may edit (withdrawn ones included)."""
    from kyodo.accounts.rules import is_city_side

    events = Event.objects.select_related("project")
    news = News.objects.select_related("project")
    if not is_city_side(user):
        mine = Q(project__participations__partner__memberships__user=user)
        events = events.filter(mine).distinct()
        news = news.filter(mine).distinct()
    return events.order_by("-start_date", "title"), news.order_by("-created_at")
