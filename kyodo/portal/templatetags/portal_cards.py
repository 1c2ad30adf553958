"""The cards of the public lists, each kept under what it shows (core.kept_rows).

A public page is kept whole for anonymous visitors (core.cache_versions), but every other page
number, filter or day is a page of its own, and any change makes them all miss: the cards they
share (an event is on the home, its day, its month and the list) are then rendered once, not
once per page. A card's inputs name everything its template reads; whoever adds a value to a
card adds it here, or the card would show the old value.
"""

from django import template
from django.conf import settings

from kyodo.core.kept_rows import rendered_rows

register = template.Library()


def _cards(items, template_name: str, inputs, name: str) -> list:
    return rendered_rows(
        items, template_name, inputs, name, seconds=settings.PUBLIC_PAGE_CACHE_SECONDS
    )


def project_inputs(project) -> tuple:
    return (
        str(project.pk),
        project.title,
        project.status,
        project.department.name if project.department_id else "",
    )


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
        tuple(field.name for field in partner.fields.all()),
    )


@register.filter
def project_cards(projects) -> list:
    return _cards(projects, "portal/public/_project_card.html", project_inputs, "project")


@register.filter
def event_cards(events) -> list:
    return _cards(events, "portal/_event_card.html", event_inputs, "event")


@register.filter
def partner_cards(partners) -> list:
    return _cards(partners, "portal/public/_partner_card.html", partner_inputs, "partner")
