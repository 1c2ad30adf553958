"""Rows of a table or cards of a list kept in the cache, each under the values it shows.

The body of a busy staff list is kept whole for its reader (``work_cache``) until any record
changes; in a busy office that is often, and then every row of the page was rendered again
although one at most had changed (the rows were four tenths of the project list's work). A
table that renders its rows through ``rendered_rows`` keeps each row under the values it
shows, so after a change only the rows whose values differ are rendered: nothing can be
stale, since a different value is a different key.

A row's ``inputs(item)`` must name everything its template reads of the item (and the
language is added here); whoever adds a value to the row template adds it there.

The public portal keeps its cards the same way (``kyodo/portal/templatetags/portal_cards.py``):
a page missing the page cache (another page number, a filter, the first read after a change)
then renders only the cards it has never shown.
"""

import hashlib
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

PREFIX = "kyodo:row:"


def _key(template_name: str, values: tuple) -> str:
    text = repr((template_name, get_language(), values))
    return PREFIX + hashlib.sha256(text.encode()).hexdigest()


def rendered_rows(
    items: Iterable,
    template_name: str,
    inputs: Callable[[object], tuple],
    name: str,
    extra: dict | None = None,
    seconds: int | None = None,
) -> list[SafeString]:
    """Each item's row (`template_name` with the item as `name`, and `extra`, which `inputs`
    must cover too): the kept ones read in one cache call, the others rendered and kept for
    `seconds` (by default `WORK_CACHE_SECONDS`; 0: none is kept)."""
    items = list(items)
    seconds = settings.WORK_CACHE_SECONDS if seconds is None else seconds
    keys = [_key(template_name, inputs(item)) for item in items] if seconds else []
    kept = cache.get_many(keys) if keys else {}
    template = get_template(template_name)
    rows, new = [], {}
    for index, item in enumerate(items):
        html = kept.get(keys[index]) if keys else None
        if html is None:
            html = template.render({name: item, **(extra or {})})
            if keys:
                new[keys[index]] = html
        rows.append(SafeString(html))
    if new:
        cache.set_many(new, seconds)
    return rows


def _plain(choices) -> list:
    """Choices as plain text (a model's choice is its key and its label), groups included."""
    return [
        (str(value), _plain(label) if isinstance(label, list | tuple) else str(label))
        for value, label in choices
    ]


def rendered_form(form, seconds: int | None = None) -> SafeString:
    """`str(form)`, kept under everything it shows: the form's class, the language, the value
    of each field, its errors and every choice of its choice fields. The choices are read here
    (a model's rows in one query: a department renamed or added is another key at once) and
    handed to the field, so that a form rendered on a miss reads them only once. A list
    filter's form cost a quarter of its page's rendering, for the same HTML at most pages."""
    seconds = settings.WORK_CACHE_SECONDS if seconds is None else seconds
    if not seconds:
        return SafeString(str(form))
    shown = []
    for bound in form:
        field = bound.field
        if hasattr(field, "choices"):
            # iter(): list() of a model's choices would ask their len(), a COUNT query.
            field.choices = list(iter(field.choices))
            shown.append(_plain(field.choices))
        shown.append((bound.html_name, repr(bound.value())))
    errors = form.errors.get_json_data() if form.is_bound else {}
    key = _key(f"{type(form).__module__}.{type(form).__qualname__}", (shown, errors))
    html = cache.get(key)
    if html is None:
        html = str(form)
        cache.set(key, html, seconds)
    return SafeString(html)
