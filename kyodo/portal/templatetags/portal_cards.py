"""The cards of the public lists, each kept under what it shows (portal/cards.py).

A public page is kept whole for anonymous visitors (core.cache_versions), but every other page
number, filter or day is a page of its own, and any change makes them all miss: the cards they
share (an event is on the home, its day, its month and the list) are then rendered once, not
once per page.
"""

from django import template
from django.conf import settings

from kyodo.core.kept_rows import rendered_rows
from kyodo.portal.cards import event_inputs, partner_inputs, project_inputs

register = template.Library()


def _cards(items, template_name: str, inputs, name: str) -> list:
    return rendered_rows(
        items, template_name, inputs, name, seconds=settings.PUBLIC_PAGE_CACHE_SECONDS
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
