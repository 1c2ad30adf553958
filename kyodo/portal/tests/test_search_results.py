"""Search results people can use (issue 17-10): type, date and a marked, escaped excerpt."""

import pytest
from django.urls import reverse

from kyodo.core import wareki
from kyodo.portal.search_results import excerpt, search_terms
from kyodo.portal.tests.test_public_projects_partners import _partner, sample  # noqa: F401

pytestmark = pytest.mark.django_db


def test_each_result_shows_its_type_date_and_a_marked_excerpt(client, sample):  # noqa: F811
    response = client.get(reverse("portal:search"), {"q": "流氷"})
    html = response.content.decode()
    groups = {group.key: group.items for group in response.context["groups"]}
    event = groups["events"][0]
    assert event.kind == "イベント" and event.day == sample["event"].start_date
    assert str(event.excerpt) == "<mark>流氷</mark>を見に行きます"
    assert wareki.format_date(sample["event"].start_date) in html
    assert "<mark>流氷</mark>が来ました" in html  # the news
    partner = groups["partners"][0]
    assert partner.kind == sample["listed"].partner_type.name  # the partner's own type
    assert "<mark>流氷</mark>の観察会" in html
    assert "連絡太郎" not in html and "0152-00-0000" not in html


def test_the_excerpt_is_escaped_and_cut_around_the_word():
    text = "<b>前置き</b>" + "あ" * 100 + "海岸の<script>清掃</script>" + "い" * 100
    html = str(excerpt(text, search_terms("清掃")))
    assert "<script>" not in html and "&lt;script&gt;<mark>清掃</mark>&lt;/script&gt;" in html
    assert html.startswith("…") and html.endswith("…") and "<b>" not in html
    assert len(html) < 200
    # A word typed with full-width letters or in another case is still marked.
    assert str(excerpt("NPO法人の活動", search_terms("ｎｐｏ"))) == "<mark>NPO</mark>法人の活動"
    assert str(excerpt("", ["海"])) == ""


def test_a_private_field_is_never_an_excerpt(client, sample):  # noqa: F811
    _partner("秘密の会", activity="公園の花壇づくり", contact_name="流氷秘密子")
    html = client.get(reverse("portal:search"), {"q": "流氷秘密子"}).content.decode()
    assert "流氷秘密子</mark>" not in html
