from fractions import Fraction

from django import template

register = template.Library()


@register.filter
def percent(value) -> str:
    """A share (an exact Fraction of 100) to one decimal place, 「—」 when there is none."""
    if value is None or value == "":
        return "—"
    return f"{float(Fraction(value)):.1f}%"


@register.filter
def years(value) -> str:
    if value is None:
        return "—"
    return f"{float(Fraction(value)):.1f}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
