from fractions import Fraction

from django import template

register = template.Library()


@register.filter
def points(value, places: int = 1) -> str:
    """A score average or total (exact Fraction) rounded for display; 「—」 when there is none."""
    if value is None or value == "":
        return "—"
    return f"{float(Fraction(value)):.{int(places)}f}"
