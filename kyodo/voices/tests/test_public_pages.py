"""The public pages: sending (honeypot, rate limit, bad input), the status link, the published
opinions and figures — open to everyone, showing no sender's identity or own words."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.voices.models import Opinion
from kyodo.voices.tests.factories import (
    RAW_TEXT,
    SENDER_ADDRESS,
    SENDER_EMAIL,
    SENDER_NAME,
    published,
    send_with_secret,
)

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "公園の遊具",
    "text": "遊具を増やしてください。",
    "sender_name": "",
    "sender_email": "",
    "sender_postal_code": "",
    "sender_address": "",
    "consents_to_publication": "on",
    "website": "",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_may_read_the_public_pages_and_send(persona_client, persona, department_a):
    opinion = published(department_a)
    client = persona_client(persona)
    for name, args in [
        ("voices:public_home", []),
        ("voices:opinion_new", []),
        ("voices:public_list", []),
        ("voices:public_opinion", [opinion.pk]),
        ("voices:statistics", []),
        ("voices:opinions_csv", []),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        body = response.getvalue().decode("utf-8-sig")  # the CSV is streamed
        for private in (SENDER_NAME, SENDER_EMAIL, SENDER_ADDRESS, RAW_TEXT):
            assert private not in body, (name, private)


def test_an_opinion_not_published_has_no_public_page(client, department_a):
    from kyodo.voices.tests.factories import replied

    opinion = replied(department_a)
    assert client.get(reverse("voices:public_opinion", args=[opinion.pk])).status_code == 404


def test_a_citizen_sends_and_lands_on_the_status_page_with_the_receipt(client):
    response = client.post(
        reverse("voices:opinion_new"),
        {
            **FORM,
            "sender_email": "ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ",
            "sender_postal_code": "〒０９３ー８５５５",
        },
        follow=True,
    )
    assert response.status_code == 200
    opinion = Opinion.objects.get()
    assert opinion.sender_email == "taro@example.jp"
    assert opinion.sender_postal_code == "093-8555"
    html = response.content.decode()
    assert opinion.receipt_number in html
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_status_page_needs_the_secret(client):
    opinion, secret = send_with_secret()
    ok = client.get(reverse("voices:opinion_status", args=[opinion.receipt_number, secret]))
    assert ok.status_code == 200
    wrong = client.get(reverse("voices:opinion_status", args=[opinion.receipt_number, "x" * 32]))
    assert wrong.status_code == 404


def test_a_filled_honeypot_saves_nothing(client):
    response = client.post(reverse("voices:opinion_new"), {**FORM, "website": "http://spam"})
    assert response.status_code == 400
    assert not Opinion.objects.exists()


def test_the_rate_limit_per_address_is_a_setting(client, settings):
    settings.VOICES_RATE_LIMIT_COUNT = 2
    for _ in range(2):
        assert client.post(reverse("voices:opinion_new"), FORM).status_code == 302
    response = client.post(reverse("voices:opinion_new"), FORM)
    assert response.status_code == 400
    assert "接続" in response.content.decode()
    assert Opinion.objects.count() == 2
    other = client.post(reverse("voices:opinion_new"), FORM, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "必須"),
        ({"text": "あ" * 20_000}, "text", "20,000"),
        ({"sender_email": "taro@"}, "sender_email", "メールアドレス"),
        ({"sender_postal_code": "12345"}, "sender_postal_code", "7"),
        ({"project": "00000000-0000-0000-0000-000000000000"}, "project", "選択"),
    ],
)
def test_bad_input_is_refused_in_japanese_keeping_what_was_typed(client, changes, field, message):
    data = {**FORM, "subject": "<script>alert(1)</script>", **changes}
    response = client.post(reverse("voices:opinion_new"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # kept, and escaped
    assert "<script>alert(1)" not in html
    assert not Opinion.objects.exists()


def test_html_is_stored_as_text_and_shown_escaped(client):
    client.post(reverse("voices:opinion_new"), {**FORM, "text": "<b>太字</b><img src=x>"})
    assert Opinion.objects.get().text == "<b>太字</b><img src=x>"


def test_the_opinions_csv_is_utf8_with_bom_and_crlf(client, department_a):
    published(department_a)
    content = client.get(reverse("voices:opinions_csv")).getvalue()
    assert content.startswith("\ufeff".encode())
    assert b"\r\n" in content
    text = content.decode("utf-8-sig")
    assert "海岸清掃の回数について" in text
    assert "受付番号" in text.splitlines()[0]
