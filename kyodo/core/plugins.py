"""How apps plug into shared pages without a central list to edit.

Each Kyodo app may have, found in INSTALLED_APPS order:
- `demo.py` with an idempotent `seed()` for `manage.py seed_demo`;
- `navigation.py` with `NAV_ITEMS: list[NavItem]` for the header menu;
- `panels.py` with `panels(request, role) -> list[Panel]` for the role home pages;
- `sections.py` with `sections(request, place, obj) -> list[Panel]` for blocks on a page of a
  lower app ("partners.detail": a partner's track record; "projects.overview"), rendered there
  with `{% plugin_sections place obj as sections %}`, so that no import goes the wrong way;
- `reminders.py` with `due(today) -> list[DueReminder]` for the daily reminder sweep
  (kyodo.core.reminder_sweep).
- `public_search.py` with `GROUPS: list[SearchGroup]` for the portal's search page.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.urls import reverse
from django.utils.module_loading import module_has_submodule


@cache
def app_submodules(name: str) -> tuple[ModuleType, ...]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("kyodo.") and module_has_submodule(config.module, name):
            found.append(import_module(f"{config.name}.{name}"))
    return tuple(found)


@dataclass(frozen=True)
class NavItem:
    """A menu item; with `perm`, shown only to those who hold it (the view checks again)."""

    label: str
    url_name: str
    perm: str | None = None
    order: int = 100


def nav_items_for(user) -> list[dict]:
    """The menu: the public portal's pages, or for someone with work of their own, that work.

    A person at work sees their work's items (those with a `perm`) and one link to the public
    portal, whose pages stay in the footer and on its home: not 「協働事業」 beside
    「協働事業の紹介」, or 「協働の主体」 beside 「協働する団体の一覧」.
    """
    items = [item for module in app_submodules("navigation") for item in module.NAV_ITEMS]
    visible = [item for item in items if item.perm is None or user.has_perm(item.perm)]
    work = [item for item in visible if item.perm is not None]
    if work and user.is_authenticated:
        visible = work
    return [
        {
            "label": item.label,
            "url": reverse(item.url_name),
            "url_name": item.url_name,
            "work": item.perm is not None,
        }
        for item in sorted(visible, key=lambda item: item.order)
    ]


@dataclass
class Panel:
    """A block on a role home page; its template gets `panel` (the context) to render.

    Each app keeps its panel's query count constant (select_related, prefetch, annotate).
    """

    template_name: str
    context: dict = field(default_factory=dict)


def panels_for(request, role) -> list[Panel]:
    return [panel for module in app_submodules("panels") for panel in module.panels(request, role)]


def sections_for(request, place: str, obj) -> list[Panel]:
    """Blocks that higher apps add to a page of a lower one, e.g. the councils of a project on
    its workspace ("projects.overview") or a partner's seats on councils in its track record
    ("partners.detail"). Each app's `sections.py` has `sections(request, place, obj)`; a
    section that is not relevant costs no query (the app decides from `obj` first).
    """
    return [
        section
        for module in app_submodules("sections")
        for section in module.sections(request, place, obj)
    ]


@dataclass(frozen=True)
class SearchGroup:
    """A kind of public record the portal's search page lists, from an app the portal does not
    import: `queryset()` gives what the public may find, `url_name` its page (by pk) and
    `title` the attribute shown as the link."""

    key: str
    label: str
    queryset: object  # a function returning a QuerySet
    url_name: str
    title: str = "title"
    order: int = 100


def public_search_groups() -> list[SearchGroup]:
    groups = [group for module in app_submodules("public_search") for group in module.GROUPS]
    return sorted(groups, key=lambda group: group.order)
