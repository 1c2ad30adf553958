"""Small template filters of the voices pages."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def overdue_on(opinion, today) -> bool:
    return opinion.is_overdue(today)
