from types import SimpleNamespace

import pytest

from kyodo.accounts.roles import Role
from kyodo.core import plugins
from kyodo.core.plugins import NavItem, Panel


def test_sample_data_seeders_run_in_installed_apps_order():
    names = [module.__name__ for module in plugins.app_submodules("demo")]
    assert names[:2] == ["kyodo.core.demo", "kyodo.accounts.demo"]


@pytest.fixture
def fake_apps(monkeypatch):
    """Two apps' worth of menu items and panels, without touching the real apps."""
    modules = {
        "navigation": (
            SimpleNamespace(NAV_ITEMS=[NavItem("公開", "core:home", order=20)]),
            SimpleNamespace(
                NAV_ITEMS=[
                    NavItem("管理", "accounts:home", perm="accounts.manage_accounts", order=10)
                ]
            ),
        ),
        "panels": (
            SimpleNamespace(
                panels=lambda request, role: (
                    [Panel("a.html", {"role": role})] if role == Role.STAFF else []
                )
            ),
        ),
    }
    monkeypatch.setattr(plugins, "app_submodules", lambda name: modules[name])


def test_menu_items_are_filtered_by_permission_and_ordered(fake_apps, administrator, staff_a):
    # Someone with work of their own sees that work; the public pages stay in the footer and
    # on the portal's home (the menu's first item), so no two items say nearly the same.
    assert [i["label"] for i in plugins.nav_items_for(administrator)] == ["管理"]
    assert [i["label"] for i in plugins.nav_items_for(staff_a)] == ["公開"]
    assert plugins.nav_items_for(staff_a)[0]["url"] == "/"


def test_a_visitor_sees_the_public_menu(fake_apps):
    from django.contrib.auth.models import AnonymousUser

    assert [i["label"] for i in plugins.nav_items_for(AnonymousUser())] == ["公開"]


def test_panels_are_collected_for_the_role(fake_apps, rf):
    request = rf.get("/")
    assert plugins.panels_for(request, Role.STAFF) == [Panel("a.html", {"role": Role.STAFF})]
    assert plugins.panels_for(request, Role.EVALUATOR) == []
