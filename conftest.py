"""Personas shared by every test: one per role, two departments, and an outsider.

The outsider is logged in but has no role and belongs to no organisation: every page that is
not public must show them nothing (403 or 404), which the permission tests check.
"""

import pytest
from django.test import Client

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import DepartmentFactory, UserFactory
from kyodo.accounts.tests.personas import PERSONAS  # noqa: F401 (the list the fixtures serve)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests hash many passwords; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def department_a(db):
    return DepartmentFactory(bureau="市民環境部", name="生活環境課")


@pytest.fixture
def department_b(db):
    return DepartmentFactory(bureau="健康福祉部", name="社会福祉課")


@pytest.fixture
def administrator(db):
    return UserFactory(
        username="p_admin", roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True
    )


@pytest.fixture
def coordinator(db):
    return UserFactory(username="p_coordinator", roles=[Role.COORDINATOR])


@pytest.fixture
def staff_a(department_a):
    return UserFactory(username="p_staff_a", roles=[Role.STAFF], department=department_a)


@pytest.fixture
def staff_b(department_b):
    return UserFactory(username="p_staff_b", roles=[Role.STAFF], department=department_b)


@pytest.fixture
def partner_member(db):
    return UserFactory(username="p_partner", roles=[Role.PARTNER_MEMBER])


@pytest.fixture
def evaluator(db):
    return UserFactory(username="p_evaluator", roles=[Role.EVALUATOR])


@pytest.fixture
def outsider(db):
    return UserFactory(username="p_outsider")


@pytest.fixture
def persona_client(request, client):
    """A test client logged in as a named persona: persona_client("staff_a").

    "anonymous" is a new client that has never logged in, whoever the shared `client` was
    logged in as before.
    """

    def make(name: str):
        if name == "anonymous":
            return Client()
        client.force_login(request.getfixturevalue(name))
        return client

    return make


@pytest.fixture(params=[True, False], ids=["debug", "production"])
def debug_urls(request, settings):
    """The project's URLs as they are built with DEBUG on, then off (they read it at import)."""
    import importlib

    from django.urls import clear_url_caches

    import kyodo.urls

    settings.DEBUG = request.param
    importlib.reload(kyodo.urls)
    clear_url_caches()
    yield request.param
    settings.DEBUG = False
    importlib.reload(kyodo.urls)
    clear_url_caches()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: its data are made by factories, which (unlike the
    services) bump no page version, so a page cached by an earlier test could be served."""
    from django.core.cache import cache

    from kyodo.core.cache_versions import version_store

    cache.clear()
    version_store().clear()
    yield
    cache.clear()
    version_store().clear()


@pytest.fixture
def no_page_cache(settings):
    """Public pages rendered every time: their query counts are what a cache miss costs, and
    factories (unlike services) change data without bumping the pages' versions."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
