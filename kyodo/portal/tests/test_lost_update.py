"""Two people editing one event: the second save is refused, nothing is lost (issue 12.5)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.core.locking import EditConflict
from kyodo.portal import services
from kyodo.portal.tests.factories import event_values
from kyodo.portal.tests.test_forms_and_manage import form_data

pytestmark = pytest.mark.django_db

CONFLICT = "編集している間に、他の人が保存しました"


def opened_version(response) -> str:
    """The version the edit form was opened at (its hidden field)."""
    assert response.status_code == 200
    return re.search(r'name="lock_version" value="(\d+)"', response.content.decode())[1]


def test_two_sessions_edit_one_event(staff_a, staff_b):
    event = services.event_create(actor=staff_a, **event_values(title="川の清掃"))
    url = reverse("portal:manage_event_edit", args=[event.pk])
    first, second = Client(), Client()
    first.force_login(staff_a)
    second.force_login(staff_b)
    # Both open the form at the same version.
    versions = {opened_version(first.get(url)), opened_version(second.get(url))}
    assert versions == {"1"}
    saved = first.post(url, form_data(place_name="網走川河口", lock_version="1"))
    assert saved.status_code == 302
    refused = second.post(url, form_data(description="雨天決行です", lock_version="1"))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert CONFLICT in html
    assert "会場" in html.split(CONFLICT, 1)[1]  # what the first person changed
    assert "雨天決行です" in html  # what the second person typed is kept
    assert opened_version(refused) == "2"  # now based on the event as it is
    event.refresh_from_db()
    assert (event.place_name, event.description) == ("網走川河口", "説明")  # the first stands
    assert event.lock_version == 2
    # Saving again, after seeing the other change, is a deliberate choice.
    again = second.post(url, form_data(description="雨天決行です", lock_version="2"))
    assert again.status_code == 302
    event.refresh_from_db()
    assert event.description == "雨天決行です" and event.lock_version == 3


def test_the_service_refuses_an_older_version_of_news():
    coordinator = UserFactory(roles=[Role.COORDINATOR])
    news = services.news_create(actor=coordinator, title="お知らせ", body="本文")
    services.news_update(actor=coordinator, news=news, body="二", lock_version=1)
    stale = type(news).objects.get(pk=news.pk)
    stale.lock_version = 1
    with pytest.raises(EditConflict):
        services.news_update(actor=coordinator, news=stale, body="三", lock_version=1)
    news.refresh_from_db()
    assert news.body == "二"
