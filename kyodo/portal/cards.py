"""What each public card shows: the values it is kept under and the columns it is read with.

A card (portal/public/_project_card.html, portal/_event_card.html…) is kept in the cache
under the values it shows (core.kept_rows, through templatetags/portal_cards.py), and its rows
are read with only the columns it shows: a list page then neither renders the cards it has
shown before nor reads a project's purpose or an event's description that no card prints.
Whoever adds a value to a card adds it to both here, or the card would show an old value (a
column missing from ``*_COLUMNS`` would cost a query per card, which the pinned query counts
catch).
"""

from django.db.models import QuerySet

PROJECT_COLUMNS = ("id", "title", "status", "department__bureau", "department__name")
EVENT_COLUMNS = (
    "id",
    "title",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "place_name",
)
NEWS_COLUMNS = ("id", "title", "publish_on")
PARTNER_COLUMNS = ("id", "name", "name_kana", "partner_type__name")


def project_inputs(project) -> tuple:
    return (str(project.pk), project.title, project.status, str(project.department or ""))


def event_inputs(event) -> tuple:
    # _event_when.html: the dates and times.
    return (
        str(event.pk),
        event.title,
        event.start_date,
        event.start_time,
        event.end_date,
        event.end_time,
        event.place_name,
    )


def partner_inputs(partner) -> tuple:
    return (
        str(partner.pk),
        partner.name,
        partner.name_kana,
        str(partner.partner_type),
        tuple(partner.field_names),
    )


def project_cards_of(projects: QuerySet) -> QuerySet:
    """`projects` read for their cards: the department, none of the partners."""
    return (
        projects.select_related(None)
        .select_related("department")
        .prefetch_related(None)
        .only(*PROJECT_COLUMNS)
    )


def event_cards_of(events: QuerySet) -> QuerySet:
    """`events` read for their cards (the public rule is in the WHERE, not in the columns)."""
    return events.select_related(None).only(*EVENT_COLUMNS)


def partner_cards_of(partners: QuerySet) -> QuerySet:
    """`partners` read for their cards with the type; their fields come by
    `partners.selectors.with_field_names`."""
    return (
        partners.select_related(None)
        .select_related("partner_type")
        .prefetch_related(None)
        .only(*PARTNER_COLUMNS)
    )


def news_cards_of(news: QuerySet) -> QuerySet:
    return news.select_related(None).only(*NEWS_COLUMNS)
