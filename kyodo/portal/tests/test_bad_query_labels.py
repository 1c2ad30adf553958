"""A broken link to a public list is a 400 that names the parameter as the page does (状況, not
「status」) and says what is allowed: the citizen never sees the address's English names."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NOTICE = re.compile(r'<p class="notice notice--error">(.*?)</p>', re.S)

# (page, query, the raw name in the address, the label the visitor reads, what is allowed)
CASES = [
    ("portal:event_list", {"period": "future"}, "period", "期間", "選択肢から選んでください"),
    ("portal:event_list", {"date": "昨日"}, "date", "日付", "2026-12-05"),
    ("portal:event_list", {"page": "abc"}, "page", "ページ", "整数を指定してください"),
    ("portal:event_calendar", {"year": "abc"}, "year", "年", "2000から2100まで"),
    ("portal:event_calendar", {"month": "13"}, "month", "月", "1から12までの整数"),
    ("portal:news_list", {"page": "0"}, "page", "ページ", "整数を指定してください"),
    ("portal:project_list", {"status": "idea"}, "status", "状況", "選択肢から選んでください"),
    ("portal:project_list", {"page": "x"}, "page", "ページ", "整数を指定してください"),
    ("portal:partner_list", {"type": "nonsense"}, "type", "種別", "選択肢から選んでください"),
    ("portal:partner_list", {"field": "0"}, "field", "活動分野", "選択肢から選んでください"),
    ("portal:partner_list", {"page": "0"}, "page", "ページ", "整数を指定してください"),
    ("portal:staff_activity_list", {"page": "x"}, "page", "ページ", "整数を指定してください"),
    ("portal:dialogue_list", {"page": "x"}, "page", "ページ", "整数を指定してください"),
    ("portal:training_list", {"page": "x"}, "page", "ページ", "整数を指定してください"),
    ("portal:agreement_list", {"page": "x"}, "page", "ページ", "整数を指定してください"),
    ("voices:public_list", {"page": "x"}, "page", "ページ", "整数を指定してください"),
]


def notice_of(response) -> str:
    assert response.status_code == 400
    html = response.content.decode()
    assert "アドレスに誤りがあります" in html  # the bad_request template
    return NOTICE.search(html).group(1)


@pytest.mark.parametrize(("url", "query", "name", "label", "allowed"), CASES)
def test_a_bad_parameter_is_named_in_japanese(client, url, query, name, label, allowed):
    response = client.get(reverse(url), query)
    notice = notice_of(response)
    assert f"「{label}」" in notice and allowed in notice
    assert name not in notice
    assert f"「{name}」" not in response.content.decode()


def test_the_city_opinion_list_too(persona_client):
    # It shares the public pager: ?page=x was a server error here before.
    response = persona_client("coordinator").get(reverse("voices:manage_opinions"), {"page": "x"})
    notice = notice_of(response)
    assert "「ページ」" in notice and "page" not in notice
