"""What public pages read, kept under the versions of what it shows.

The home's lists (portal/views/home.py `_kept`): another address reads no list, a change reads
only the changed kind's list, and the lists that change by the clock alone (open calls,
council meetings) follow the clock at once. A project's page (portal/views/projects.py
`_page_data`) and an event's (portal/views/events.py `_event_page_data`): another address
reads nothing, and every change it shows shows at once. The same for a page of the project and
event lists (portal/paging.py `kept_page_of`), kept apart by their filters and page number.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.calls import services as call_services
from kyodo.calls.tests.factories import forming_project, make_call
from kyodo.councils.tests.factories import make_council, make_meeting
from kyodo.partners import services as partner_services
from kyodo.portal.tests.test_page_cache import _html, _news, site  # noqa: F401 (fixture)
from kyodo.projects import services as project_services

pytestmark = pytest.mark.django_db
HOME = reverse("core:home")


def _queries(url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        html = _html(Client(), url)
    return html, [query["sql"] for query in captured.captured_queries]


def _at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_another_address_of_the_home_reads_no_list(site):  # noqa: F811
    first = _html(Client(), HOME)
    html, queries = _queries(HOME + "?utm_source=mail")
    assert queries == []
    for shown in ("流氷の学習会", "流氷ウォーク", "流氷の便り"):
        assert shown in first and shown in html


def test_a_change_reads_only_the_list_of_its_kind_and_shows_at_once(site):  # noqa: F811
    _html(Client(), HOME)
    _news("オホーツク海の便り")
    html, queries = _queries(HOME + "?utm_source=mail")
    assert "オホーツク海の便り" in html
    assert len(queries) == 1 and "portal_news" in queries[0]


def test_a_call_whose_deadline_passes_leaves_the_home_at_once(site):  # noqa: F811
    call = make_call(forming_project(), title="流氷ガイドの募集", open_=False)
    call = call_services.call_open(actor=None, call=call)
    # A deadline within the day, so that the moment after it is still today.
    call.deadline = timezone.now() + timedelta(seconds=2)
    type(call).objects.filter(pk=call.pk).update(deadline=call.deadline)
    assert "流氷ガイドの募集" in _html(Client(), HOME)
    # The deadline passes (nothing is written, nothing bumps "calls"): another address of the
    # home no longer shows the call.
    with _at(call.deadline + timedelta(seconds=1)):
        assert "流氷ガイドの募集" not in _html(Client(), HOME + "?utm_source=mail")


def test_council_meetings_enter_and_leave_the_home_with_the_clock(site, department_a):  # noqa: F811
    from django.conf import settings

    now = timezone.now()
    days = settings.KYODO_COUNCIL_HOME_DAYS
    council = make_council(department_a, name="流氷観光審議会")
    soon = make_meeting(council, title="第1回", day=timezone.localdate())
    soon.starts_at = now + timedelta(hours=1)
    later = make_meeting(council, title="第2回", day=timezone.localdate())
    later.starts_at = now + timedelta(days=days, hours=1)
    for meeting in (soon, later):
        type(meeting).objects.filter(pk=meeting.pk).update(starts_at=meeting.starts_at)
    with _at(now):
        html = _html(Client(), HOME + "?a=1")
        assert "流氷観光審議会 第1回" in html and "流氷観光審議会 第2回" not in html
    # Two hours on, with no write: the first has begun, the second is within the window.
    with _at(now + timedelta(hours=2)):
        html = _html(Client(), HOME + "?a=2")
    assert "流氷観光審議会 第1回" not in html and "流氷観光審議会 第2回" in html


def test_a_project_page_at_another_address_reads_nothing_and_follows_changes(site):  # noqa: F811
    project, partner = site["project"], site["partner"]
    url = reverse("portal:project_detail", args=[project.pk])
    participation = project_services.participation_add(actor=None, project=project, partner=partner)
    assert "流氷の会" in _html(Client(), url)
    html, queries = _queries(url + "?utm_source=mail")
    assert queries == [] and "流氷の学習会" in html and "流氷の会" in html
    partner_services.partner_update(actor=None, partner=partner, data={"name": "流氷守りの会"})
    assert "流氷守りの会" in _html(Client(), url + "?a=1")
    partner_services.partner_update(actor=None, partner=partner, data={"listed_publicly": False})
    assert "流氷守りの会" not in _html(Client(), url + "?a=2")
    project_services.participation_remove(actor=None, participation=participation)
    project_services.project_update(actor=None, project=project, title="流氷の教室")
    assert "流氷の教室" in _html(Client(), url + "?a=3")


def test_the_calendar_at_another_address_reads_nothing_and_follows_its_meetings(
    site,  # noqa: F811
    department_a,
):
    from kyodo.councils import services as council_services

    council = make_council(department_a, name="流氷観光審議会")
    meeting = make_meeting(council, title="第1回", day=timezone.localdate())
    url = reverse("portal:event_calendar")
    assert "流氷観光審議会 第1回" in _html(Client(), url)
    html, queries = _queries(url + "?utm_source=mail")
    assert queries == [] and "流氷観光審議会 第1回" in html
    council_services.meeting_update(actor=None, meeting=meeting, data={"title": "臨時会"})
    html = _html(Client(), url + "?a=1")
    assert "流氷観光審議会 臨時会" in html and "第1回" not in html


def test_the_call_list_at_another_address_reads_nothing_and_follows_the_clock(site):  # noqa: F811
    call = make_call(forming_project(), title="流氷ガイドの募集", open_=False)
    call = call_services.call_open(actor=None, call=call)
    call.deadline = timezone.now() + timedelta(seconds=2)
    type(call).objects.filter(pk=call.pk).update(deadline=call.deadline)
    url = reverse("calls:public_list")
    assert "流氷ガイドの募集" in _html(Client(), url)
    html, queries = _queries(url + "?utm_source=mail")
    assert queries == [] and "流氷ガイドの募集" in html
    with _at(call.deadline + timedelta(seconds=1)):
        assert "流氷ガイドの募集" not in _html(Client(), url + "?a=1")


def test_an_event_page_at_another_address_reads_nothing_and_follows_changes(site):  # noqa: F811
    from kyodo.portal import services as portal_services
    from kyodo.portal.tests.test_page_cache import _event

    project = site["project"]
    event = _event("流氷の観察会", project=project)
    url = reverse("portal:event_detail", args=[event.pk])
    assert "流氷の学習会" in _html(Client(), url)
    html, queries = _queries(url + "?utm_source=mail")
    assert queries == [] and "流氷の観察会" in html and "流氷の学習会" in html
    project_services.project_update(actor=None, project=project, title="流氷の教室")
    assert "流氷の教室" in _html(Client(), url + "?a=1")
    event = portal_services.event_update(actor=None, event=event, title="流氷の写生会")
    assert "流氷の写生会" in _html(Client(), url + "?a=2")
    portal_services.event_withdraw(actor=None, event=event, reason="荒天")
    assert Client().get(url + "?a=3").status_code == 404


@pytest.mark.parametrize("list_name", ["portal:project_list", "portal:event_list"])
def test_a_list_page_at_another_address_reads_nothing_and_follows_changes(
    site,  # noqa: F811
    list_name,
):
    """The page's rows are kept under its kinds' versions, its filters and its number
    (portal/paging.py `kept_page_of`): another address or language reads nothing; a change of
    what it lists shows at once."""
    from django.conf import settings

    from kyodo.portal import services as portal_services
    from kyodo.portal.tests.test_page_cache import _event

    url = reverse(list_name)
    shown = "流氷の学習会" if list_name == "portal:project_list" else "流氷ウォーク"
    assert shown in _html(Client(), url)
    html, queries = _queries(url + "?utm_source=mail")
    assert queries == [] and shown in html
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with CaptureQueriesContext(connection) as captured:
        html = _html(english, url)
    assert captured.captured_queries == [] and shown in html and 'lang="en"' in html
    if list_name == "portal:project_list":
        project_services.project_update(actor=None, project=site["project"], title="流氷の教室")
        assert "流氷の教室" in _html(Client(), url + "?a=1")
        return
    event = _event("流氷の観察会")
    assert "流氷の観察会" in _html(Client(), url + "?a=1")
    portal_services.event_withdraw(actor=None, event=event, reason="荒天")
    assert "流氷の観察会" not in _html(Client(), url + "?a=2")


def test_a_day_and_its_pages_are_kept_apart(site):  # noqa: F811
    """The kept rows follow the filters and the page's number: another day is another list, a
    page past the end is a 404 and a bad number a 400, neither kept."""
    from kyodo.portal.tests.test_page_cache import _event

    day = site["event"].start_date
    url = reverse("portal:event_list")
    assert "流氷ウォーク" in _html(Client(), f"{url}?date={day.isoformat()}")
    other_day = day + timedelta(days=1)
    _event("流氷の夜市", start_date=other_day, end_date=other_day)
    html = _html(Client(), f"{url}?date={other_day.isoformat()}&a=1")
    assert "流氷の夜市" in html and "流氷ウォーク" not in html
    assert "流氷ウォーク" in _html(Client(), f"{url}?date={day.isoformat()}&a=2")
    for _attempt in range(2):
        assert Client().get(url + "?page=9").status_code == 404
        assert Client().get(url + "?page=二").status_code == 400
    assert Client().get(url + "?page=1&a=3").status_code == 200


def test_a_department_renamed_shows_on_every_public_page_at_once(site):  # noqa: F811
    """Public pages name departments; a rename (the admin site's too) renders them again."""
    department = site["project"].department
    url = reverse("portal:project_list")
    assert department.name in _html(Client(), url)
    department.name = "流氷対策課"
    department.save()
    assert "流氷対策課" in _html(Client(), url)
    assert "流氷対策課" in _html(
        Client(), reverse("portal:project_detail", args=[site["project"].pk])
    )
