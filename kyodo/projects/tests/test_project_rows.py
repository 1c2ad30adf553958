"""Rows of the staff project tables kept under what they show (projects/rows.py through
core/kept_rows.py): the same HTML as rendered afresh, only changed rows rendered after a
change, and never a stale row whatever changed in it (title, partner's name, points awaiting
confirmation, language)."""

import re

import pytest
from django.urls import reverse

from kyodo.core import kept_rows
from kyodo.partners.services import partner_update
from kyodo.projects.models import AgreedPoint
from kyodo.projects.services import project_update
from kyodo.projects.tests.test_list_pages import make_projects

pytestmark = pytest.mark.django_db


def _tbody(client) -> str:
    html = client.get(reverse("projects:list")).content.decode()
    return re.search(r"<tbody>(.*)</tbody>", html, re.S).group(1)


@pytest.fixture
def renders(monkeypatch):
    """How many rows were rendered (not taken from the cache)."""
    counted = []
    original = kept_rows.get_template

    class Counting:
        def __init__(self, template):
            self.template = template

        def render(self, context):
            counted.append(context["project"].pk)
            return self.template.render(context)

    monkeypatch.setattr(kept_rows, "get_template", lambda name: Counting(original(name)))
    return counted


def test_kept_rows_are_the_rows_rendered_afresh(persona_client, department_a, settings):
    make_projects(4, department_a, title="流氷事業")
    client = persona_client("coordinator")
    settings.WORK_CACHE_SECONDS = 0
    fresh = _tbody(client)
    settings.WORK_CACHE_SECONDS = 600
    assert _tbody(client) == fresh  # rendered and kept
    client.get(reverse("projects:list") + "?q=x")  # another address: the body misses…
    assert _tbody(client) == fresh
    assert fresh.count("<tr>") == 4 and "流氷事業0" in fresh


def test_after_a_change_only_the_changed_row_is_rendered(
    persona_client, department_a, coordinator, renders
):
    projects = make_projects(5, department_a, title="流氷事業")
    client = persona_client("coordinator")
    _tbody(client)
    assert len(renders) == 5
    renders.clear()
    project_update(actor=coordinator, project=projects[2], title="改名した事業")
    body = _tbody(client)  # any change makes the whole body miss (core.work_cache)…
    assert "改名した事業" in body and "流氷事業2" not in body
    assert renders == [projects[2].pk]  # …but only the changed row is rendered again


def test_a_row_follows_its_partner_and_its_points(persona_client, department_a, coordinator):
    project = make_projects(1, department_a, title="流氷事業")[0]
    partner = project.participations.get().partner
    client = persona_client("coordinator")
    body = _tbody(client)
    assert partner.name in body and "確認待ちの合意事項 1件" in body
    partner_update(actor=coordinator, partner=partner, data={"name": "改名した会"})
    assert "改名した会" in _tbody(client)
    AgreedPoint.objects.filter(project=project).delete()
    assert "確認待ちの合意事項" not in _tbody(client)


def test_each_language_keeps_its_own_rows(persona_client, department_a):
    make_projects(1, department_a)
    client = persona_client("coordinator")
    japanese = _tbody(client)
    assert "構想" in japanese and "確認待ちの合意事項 1件" in japanese
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = _tbody(client)
    assert ">Idea<" in english and "1 point awaiting confirmation" in english
    assert "構想" not in english
