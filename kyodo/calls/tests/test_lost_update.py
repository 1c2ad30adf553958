"""Two coordinators editing one call: the second save is refused, nothing is lost (issue 12.5)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.calls import services
from kyodo.calls.models import Call
from kyodo.calls.tests.factories import make_call

pytestmark = pytest.mark.django_db

CONFLICT = "編集している間に、他の人が保存しました"


def opened_version(response) -> str:
    """The version the edit form was opened at (its hidden field)."""
    assert response.status_code == 200
    return re.search(r'name="lock_version" value="(\d+)"', response.content.decode())[1]


def posted(call, **changes) -> dict:
    """What the edit form of the draft `call` posts unchanged, but for `changes`."""
    return {
        "title": call.title,
        "purpose": call.purpose,
        "eligibility": call.eligibility,
        "selection_method": call.selection_method,
        "deadline": "2099-01-31T17:00",
        **changes,
    }


def test_two_sessions_edit_one_call(coordinator):
    call = make_call(open_=False, title="海岸清掃パートナー募集")
    url = reverse("calls:call_edit", args=[call.pk])
    first, second = Client(), Client()
    first.force_login(coordinator)
    second.force_login(UserFactory(roles=[Role.COORDINATOR]))
    versions = {opened_version(first.get(url)), opened_version(second.get(url))}
    assert versions == {"1"}
    saved = first.post(url, posted(call, purpose="砂浜のごみを減らす", lock_version="1"))
    assert saved.status_code == 302
    refused = second.post(url, posted(call, eligibility="市内で活動する団体", lock_version="1"))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert CONFLICT in html
    assert "目的" in html.split(CONFLICT, 1)[1]  # what the first coordinator changed
    assert "市内で活動する団体" in html  # what the second typed is kept
    assert opened_version(refused) == "2"
    call.refresh_from_db()
    assert (call.purpose, call.eligibility) == ("砂浜のごみを減らす", "市内の団体")
    assert call.lock_version == 2
    again = second.post(url, posted(call, eligibility="市内で活動する団体", lock_version="2"))
    assert again.status_code == 302
    call.refresh_from_db()
    assert call.eligibility == "市内で活動する団体" and call.purpose == "砂浜のごみを減らす"


def test_the_service_refuses_an_older_version(coordinator):
    call = make_call(open_=False)
    services.call_update(actor=coordinator, call=call, title="一", lock_version=1)
    with pytest.raises(services.EditConflict) as excinfo:
        services.call_update(actor=coordinator, call=call, title="二", lock_version=1)
    assert "名称" in excinfo.value.messages[-1]  # what changed since version 1
    assert Call.objects.get(pk=call.pk).title == "一"
