"""The public opinion form lists a bounded number of projects and events whatever the city's
size (issue 19: a <select> of every project and event made it 12 MB and 100 s at 20,000
projects and 100,000 events), and still accepts any public one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.portal.tests.factories import EventFactory, PublicProjectFactory
from kyodo.voices import forms
from kyodo.voices.models import Opinion
from kyodo.voices.tests.test_public_pages import FORM

pytestmark = pytest.mark.django_db


def _page(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("voices:opinion_new")).content.decode()
    return html.count("<option"), len(queries)


def test_the_lists_and_queries_stay_the_same_at_two_sizes(client, monkeypatch):
    monkeypatch.setattr(forms, "OFFERED", 3)
    _page(client)  # the city is read once, then kept (kyodo.core.city)
    PublicProjectFactory.create_batch(4)
    EventFactory.create_batch(4)
    small = _page(client)
    PublicProjectFactory.create_batch(30)
    EventFactory.create_batch(30)
    assert _page(client) == small


def test_a_project_not_listed_is_accepted_and_kept_when_the_form_comes_back(client, monkeypatch):
    monkeypatch.setattr(forms, "OFFERED", 1)
    oldest = PublicProjectFactory(title="古い協働事業")
    PublicProjectFactory.create_batch(3)
    assert "古い協働事業" not in client.get(reverse("voices:opinion_new")).content.decode()
    refused = client.post(reverse("voices:opinion_new"), {**FORM, "project": oldest.pk, "text": ""})
    assert refused.status_code == 400
    assert f'<option value="{oldest.pk}" selected>古い協働事業</option>' in refused.content.decode()
    client.post(reverse("voices:opinion_new"), {**FORM, "project": oldest.pk})
    assert Opinion.objects.get().project == oldest
