"""The public lists' cards and the calendar's days kept under what they show (core.kept_rows
through portal/templatetags/portal_cards.py and views/calendar.py): a page that misses the
page cache renders only the cards it has never shown, the same HTML as rendered afresh, and
never a stale card whatever changed in it (title, department, date, language)."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kyodo.core import kept_rows
from kyodo.partners import services as partner_services
from kyodo.partners.tests.factories import activity_field
from kyodo.portal import services as portal_services
from kyodo.portal.tests.factories import event_values
from kyodo.portal.tests.test_public_projects_partners import _partner, _project
from kyodo.projects import services as project_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """The templates kept_rows rendered (not taken from the cache), by name."""
    counted = []
    original = kept_rows.get_template

    class Counting:
        def __init__(self, name):
            self.name, self.template = name, original(name)

        def render(self, context):
            counted.append(self.name)
            return self.template.render(context)

    monkeypatch.setattr(kept_rows, "get_template", Counting)
    return counted


def _list(url: str) -> str:
    html = Client().get(url).content.decode()
    return re.search(r'<ul class="portal-list">(.*?)</ul>', html, re.S).group(1)


def _month(url: str) -> str:
    """The calendar's table and days (the page's header holds its own address)."""
    html = Client().get(url).content.decode()
    return html.split('<table class="portal-calendar">')[1].split("</main>")[0]


def _event(title: str, days: int = 3):
    day = timezone.localdate() + timedelta(days=days)
    return portal_services.event_create(
        actor=None,
        **event_values(title=title, start_date=day, end_date=day, publish_on=timezone.localdate()),
    )


def test_another_address_renders_no_card_it_has_shown(renders):
    for n in range(3):
        _project(f"流氷の学習会{n}")
    url = reverse("portal:project_list")
    first = _list(url)
    assert renders.count("portal/public/_project_card.html") == 3
    renders.clear()
    # Another address of the same cards (a filter, a tracking parameter): none rendered again,
    # and the same HTML.
    assert _list(url + "?status=running") == first
    assert _list(url + "?utm_source=mail") == first
    assert renders == []


def test_a_changed_card_is_rendered_again_and_only_it(renders):
    projects = [_project(f"流氷の学習会{n}") for n in range(3)]
    url = reverse("portal:project_list")
    _list(url)
    renders.clear()
    project_services.project_update(actor=None, project=projects[1], title="流氷の自然学校")
    html = _list(url + "?page=1")
    assert "流氷の自然学校" in html and "流氷の学習会1" not in html
    assert renders == ["portal/public/_project_card.html"]


def test_the_cards_of_events_and_partners_follow_their_values():
    event = _event("流氷ウォーク")
    partner = _partner("流氷の会")
    events_url, partners_url = reverse("portal:event_list"), reverse("portal:partner_list")
    assert "流氷ウォーク" in _list(events_url)
    assert "流氷の会" in _list(partners_url)
    later = event.start_date + timedelta(days=1)
    portal_services.event_update(
        actor=None, event=event, start_date=later, end_date=later, place_name="網走港"
    )
    html = _list(events_url + "?after=1")
    assert f"{later.day}日" in html and "網走港" in html
    field = activity_field("環境保全")
    partner_services.partner_update(actor=None, partner=partner, data={}, fields=[field])
    assert "環境保全" in _list(partners_url + "?after=1")


def test_each_language_has_its_own_cards():
    _project("流氷の学習会")
    url = reverse("portal:project_list")
    assert "担当課" in _list(url)
    reader = Client()
    reader.cookies["django_language"] = "en"
    html = reader.get(url + "?en=1").content.decode()
    assert "Department in charge" in html and "担当課" not in html


def test_nothing_is_kept_when_pages_are_not(renders, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    _project("流氷の学習会")
    url = reverse("portal:project_list")
    _list(url), _list(url)
    assert renders.count("portal/public/_project_card.html") == 2


def test_the_calendar_renders_only_the_days_that_changed(renders):
    _event("流氷ウォーク", days=0)
    url = reverse("portal:event_calendar")
    first = _month(url)
    assert "流氷ウォーク" in first
    renders.clear()
    assert _month(url + "?utm_source=mail") == first
    assert renders == []
    _event("流氷の観察会", days=0)  # the same day: its cell and its section change
    html = _month(url + "?after=1")
    assert "流氷の観察会" in html and "流氷ウォーク" in html
    assert sorted(renders) == ["portal/_calendar_cell.html", "portal/_calendar_day.html"]


def test_the_directory_keeps_its_choices_and_pages_until_the_partners_change(
    django_assert_num_queries, coordinator
):
    partner = _partner("流氷の会")
    url = reverse("portal:partner_list")
    assert "流氷の会" in Client().get(url).content.decode()
    # Another address: neither the choices nor the page's partners are read again.
    with django_assert_num_queries(0):
        Client().get(url + "?utm_source=mail")
    # The first page asked by its number is the same page (kept by the number, not as typed).
    with django_assert_num_queries(0):
        assert Client().get(url + "?page=1").status_code == 200
    # A page past the end is read each time (404, kept nowhere), a bad number answers 400.
    for _attempt in range(2):
        with django_assert_num_queries(1):
            assert Client().get(url + "?page=2").status_code == 404
        assert Client().get(url + "?page=x").status_code == 400
    field = activity_field("環境保全")
    partner_services.partner_update(actor=None, partner=partner, data={}, fields=[field])
    renamed = partner_services.activity_field_save(
        actor=coordinator, name="自然環境の保全", activity_field=field
    )
    html = Client().get(url + "?after=1").content.decode()
    assert f'<option value="{renamed.pk}">自然環境の保全</option>' in html
    assert "流氷の会" in html and "・ 自然環境の保全" in html
