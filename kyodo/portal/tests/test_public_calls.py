"""The calls' public pages are portal pages: title, canonical URL, OpenGraph, ETag and 304."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kyodo.calls.tests.factories import make_call
from kyodo.core.demo import seed as seed_municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    seed_municipality()
    return make_call(
        title="海岸清掃パートナー募集", purpose="海岸をきれいにする協働の相手を探します"
    )


def test_public_call_pages_carry_meta_and_an_etag(client, call):
    for url in (reverse("calls:public_list"), reverse("calls:public_detail", args=[call.pk])):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<link rel="canonical" href="http://testserver{url}">' in html
        assert 'property="og:title"' in html and 'property="og:site_name"' in html
        assert html.count("<h1") == 1 and "<title>" in html
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    detail = client.get(reverse("calls:public_detail", args=[call.pk])).content.decode()
    assert 'content="海岸をきれいにする協働の相手を探します"' in detail
    assert "<title>海岸清掃パートナー募集 | " in detail


def test_the_etag_changes_when_the_deadline_passes(client, call, monkeypatch):
    """No row changes when a deadline passes, yet the page must stop offering to apply."""
    urls = (reverse("calls:public_list"), reverse("calls:public_detail", args=[call.pk]))
    etags = [client.get(url)["ETag"] for url in urls]
    for url, etag in zip(urls, etags, strict=True):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert (
        "応募するには、団体の利用者としてログインしてください。"
        in client.get(urls[1]).content.decode()
    )
    after_deadline = call.deadline + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: after_deadline)
    for url, etag in zip(urls, etags, strict=True):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, url
    detail = client.get(urls[1]).content.decode()
    assert "ログインして応募" not in detail and "応募する" not in detail


def test_a_draft_call_is_a_japanese_404(client):
    seed_municipality()
    draft = make_call(open_=False)
    response = client.get(reverse("calls:public_detail", args=[draft.pk]))
    assert response.status_code == 404
    assert "見つかりません" in response.content.decode()
