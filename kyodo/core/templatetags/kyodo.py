"""Template filters for Japanese dates, loaded in every template (see TEMPLATES builtins)."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from kyodo.core import wareki
from kyodo.core.kept_rows import rendered_form

register = template.Library()

# {市民|しみん}: a reading given in a city's text (charter, symbols), shown as ruby.
_RUBY = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")


@register.filter
def ruby(value) -> str:
    """The text with each {base|reading} as <ruby>, everything else escaped."""
    html = conditional_escape(value or "")
    return mark_safe(_RUBY.sub(r"<ruby>\1<rp>（</rp><rt>\2</rt><rp>）</rp></ruby>", html))


@register.filter
def without_ruby(value) -> str:
    """The text with the readings left out: {市民|しみん} → 市民."""
    return _RUBY.sub(r"\1", value or "")


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    return None


@register.filter
def wareki_date(value) -> str:
    """{{ d|wareki_date }} → 令和8年11月28日."""
    d = _as_date(value)
    if d is None:
        return ""
    try:
        return wareki.format_date(d)
    except ValueError:
        return d.isoformat()


@register.filter
def wareki_western(value, weekday: str = "") -> str:
    """{{ d|wareki_western }} → 2026年（令和8年）12月5日; with "weekday" adds （土）."""
    d = _as_date(value)
    if d is None:
        return ""
    try:
        return wareki.format_date_with_western(d, weekday=weekday == "weekday")
    except ValueError:
        return d.isoformat()


@register.filter
def quantity(value) -> str:
    """{{ 12.00|quantity }} → 12, 1200.50 → 1,200.5, 100 → 100: no decimals that say nothing
    (12か所, not 12.00か所), and never the exponent Decimal.normalize() gives (1E+2)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)
    return f"{number:,f}"


@register.filter
def wareki_datetime(value) -> str:
    """{{ call.deadline|wareki_datetime }} → 令和9年1月1日（金）4時30分: a deadline reads the
    same on every page (the date alone would hide the hour it closes)."""
    if not isinstance(value, datetime):
        return wareki_date(value)
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    try:
        day = wareki.format_date(moment.date())
    except ValueError:
        day = moment.date().isoformat()
    weekday = wareki.WEEKDAYS_JA[moment.weekday()]
    return f"{day}（{weekday}）{moment.hour}時{moment.minute:02d}分"


@register.filter
def fiscal_year_label(value) -> str:
    """{{ 2026|fiscal_year_label }} or {{ some_date|fiscal_year_label }} → 令和8年度."""
    d = _as_date(value)
    try:
        year = wareki.fiscal_year(d) if d is not None else int(value)
        return wareki.fiscal_year_label(year)
    except (TypeError, ValueError):
        return ""


@register.filter
def percent(value) -> str:
    """A share (0.4) as people read it in a report: 40.0%; nothing to show: —."""
    if value is None or value == "":
        return "—"
    return f"{float(value) * 100:.1f}%"


@register.filter
def kept_form(form) -> str:
    """The form rendered, or kept from an earlier rendering of the same (`kept_rows`)."""
    return rendered_form(form)


@register.simple_tag(takes_context=True)
def plugin_sections(context, place: str, obj) -> list:
    """{% plugin_sections "partners.detail" partner as sections %}: the blocks other apps add
    to this page (kyodo.core.plugins.sections_for); include each `section.template_name` with
    `panel=section.context`."""
    from kyodo.core.plugins import sections_for

    return sections_for(context["request"], place, obj)
