"""The lists' counts kept under their filters, their reader and the records' version
(core.work_cache.kept_count): another page or address counts once, and never stale."""

import re

import pytest
from django.urls import reverse

from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects.selectors import project_page
from kyodo.projects.tests.test_list_pages import make_projects

pytestmark = pytest.mark.django_db


def _count(client, url, query=""):
    _count.n = getattr(_count, "n", 0) + 1  # a new address: the list's body is not kept
    html = client.get(f"{url}?n={_count.n}&{query}").content.decode()
    return int(re.search(r"(\d+)\s*件", html).group(1))


def test_a_new_project_is_counted_at_once(persona_client, department_a, department_b):
    make_projects(2, department_a)
    client = persona_client("coordinator")
    url = reverse("projects:list")
    assert _count(client, url) == 2
    make_projects(1, department_b)
    assert _count(client, url) == 3
    assert _count(client, url, f"department={department_b.pk}") == 1
    assert _count(client, url, f"department={department_a.pk}") == 2


def test_each_reader_has_their_own_count(department_a, coordinator, partner_member):
    make_projects(3, department_a)
    assert project_page(coordinator, {}, 1).paginator.count == 3
    assert project_page(partner_member, {}, 1).paginator.count == 0  # none of their own


def test_a_new_partner_is_counted_at_once(persona_client):
    PartnerFactory()
    client = persona_client("coordinator")
    url = reverse("partners:list")
    first = _count(client, url)
    PartnerFactory()
    assert _count(client, url) == first + 1
