"""Rows of the staff partner list kept under what they show (partners/templatetags/
partner_rows.py through core/kept_rows.py): the same HTML as rendered afresh, a search's own
rows (with the matched words), and never a stale row after a change to what it shows."""

import re

import pytest
from django.urls import reverse

from kyodo.partners.services import partner_update
from kyodo.partners.tests.factories import PartnerFactory, activity_field

pytestmark = pytest.mark.django_db


def _tbody(client, query="") -> str:
    html = client.get(reverse("partners:list") + query).content.decode()
    return re.search(r"<tbody>(.*)</tbody>", html, re.S).group(1)


def test_kept_rows_are_the_rows_rendered_afresh(persona_client, settings):
    for n in range(3):
        PartnerFactory(name=f"流氷の会{n}", fields=["防災", "環境"])
    client = persona_client("coordinator")
    settings.WORK_CACHE_SECONDS = 0
    fresh, fresh_search = _tbody(client), _tbody(client, "?q=流氷")
    settings.WORK_CACHE_SECONDS = 600
    for _round in range(2):  # rendered and kept, then read from the kept rows
        assert _tbody(client) == fresh
        assert _tbody(client, "?q=流氷") == fresh_search
    assert fresh.count("<tr>") == 3 and "環境、防災" in fresh
    # A search shows the words each partner matched: its rows are not the list's.
    assert fresh_search.count("<td>") > fresh.count("<td>")


def test_a_row_follows_its_name_and_fields(persona_client, coordinator):
    partner = PartnerFactory(name="流氷の会", fields=["防災"])
    client = persona_client("coordinator")
    assert "流氷の会" in _tbody(client)
    partner_update(
        actor=coordinator,
        partner=partner,
        data={"name": "オホーツクの会"},
        fields=[activity_field("防災"), activity_field("子育て")],
    )
    body = _tbody(client)
    assert "オホーツクの会" in body and "流氷の会" not in body
    assert "防災、子育て" in body or "子育て、防災" in body
