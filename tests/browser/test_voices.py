"""Citizens' voices in a real browser: a citizen sends an opinion on a 360 px phone, staff reply,
the coordinator approves and publishes, and the citizen reads it — axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def accessible(assert_accessible):
    """axe-core on the page, read again without the one-time messages (see test_calls.py)."""

    def check(page):
        if page.locator("ul.messages").count():
            page.reload()
        assert_accessible(page)

    return check


def no_sideways_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, f"{page.url} scrolls sideways on a 360 px phone"


def test_an_opinion_from_a_phone_to_its_published_reply(
    page, phone_page, demo_data, login, accessible
):
    # A citizen, with no account, sends an opinion from a phone.
    phone = phone_page
    phone.goto("/voices/")
    accessible(phone)
    no_sideways_scroll(phone)
    phone.get_by_role("link", name="ご意見を送る").first.click()
    accessible(phone)
    no_sideways_scroll(phone)
    phone.fill("#id_subject", "図書館の開館時間")
    phone.fill("#id_text", "平日の夜も図書館を開けてほしいです。")
    phone.fill("#id_sender_email", "ｓｈｉｍｉｎ＠ｅｘａｍｐｌｅ．ｊｐ")
    phone.get_by_role("button", name="送信する").click()
    expect(phone.get_by_text(re.compile(r"受付番号：V\d{4}-\d{5}"))).to_be_visible()
    receipt = re.search(r"V\d{4}-\d{5}", phone.content()).group(0)
    status_url = phone.url
    accessible(phone)
    no_sideways_scroll(phone)

    # The coordinator assigns it to a department.
    login("coordinator")
    page.goto("/voices/manage/?status=received")
    accessible(page)
    page.get_by_role("link", name=receipt).click()
    expect(page.get_by_text("shimin@example.jp")).to_be_visible()  # the sender, for the city only
    accessible(page)
    page.select_option("#id_department", label="市民環境部 生活環境課")
    page.get_by_role("button", name="割り当てる").click()
    expect(page.get_by_text("担当課を割り当てました。")).to_be_visible()
    page.get_by_role("button", name="ログアウト").click()

    # Staff of the department draft the reply.
    login("staff")
    page.goto("/voices/manage/")
    page.get_by_role("link", name=receipt).click()
    page.get_by_role("link", name="回答案を作成").click()
    accessible(page)
    page.fill("#id_body", "来年度から木曜日の開館を20時まで延長します。")
    page.get_by_label("一部反映").check()
    page.get_by_role("button", name="下書きを保存").click()
    expect(page.get_by_text("回答案を保存しました。承認を待っています。")).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="ログアウト").click()

    # The coordinator approves, writes the summary for publication and publishes.
    login("coordinator")
    page.goto("/voices/manage/")
    page.get_by_role("link", name=receipt).click()
    page.get_by_role("button", name="承認して回答する").click()
    expect(page.get_by_text("回答を承認し、送信しました。")).to_be_visible()
    page.get_by_role("link", name="公表用の要旨を書く").click()
    accessible(page)
    page.fill("#id_public_title", "図書館の夜間開館")
    page.fill("#id_summary", "平日夜の図書館の開館を求めるご意見です。")
    page.get_by_role("button", name="保存").click()
    page.get_by_role("button", name="公開する").click()
    expect(page.get_by_text("ご意見の要旨と回答を公開しました。")).to_be_visible()
    accessible(page)

    # The citizen reads the reply by the private link, then the published page.
    phone.goto(status_url)
    expect(phone.get_by_text("来年度から木曜日の開館を20時まで延長します。")).to_be_visible()
    accessible(phone)
    no_sideways_scroll(phone)
    phone.get_by_role("link", name="公開した要旨と回答").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("図書館の夜間開館")
    expect(phone.get_by_text("平日の夜も図書館を開けてほしいです。")).to_have_count(0)
    accessible(phone)
    no_sideways_scroll(phone)


def test_survey_results_and_figures_with_their_charts_are_accessible(
    phone_page, demo_data, accessible
):
    phone_page.goto("/voices/")
    phone_page.get_by_role("link", name="（サンプル）市民協働アンケート", exact=True).click()
    expect(phone_page.get_by_role("img", name="市の協働の取組に満足していますか")).to_be_visible()
    accessible(phone_page)
    no_sideways_scroll(phone_page)
    phone_page.goto("/voices/statistics/")
    expect(phone_page.get_by_role("img", name="目標日数内の回答")).to_be_visible()
    accessible(phone_page)
    no_sideways_scroll(phone_page)
    phone_page.goto("/voices/")
    phone_page.get_by_role("link", name="（サンプル）市民協働アンケート（今年度）").click()
    accessible(phone_page)
    no_sideways_scroll(phone_page)


def test_the_voices_pages_keep_the_content_security_policy(page, demo_data, login):
    """As tests/browser/test_csp.py does for the other pages: no violation on any voices page
    (the SVG charts use attributes, never inline styles)."""
    from kyodo.voices.models import Opinion, Survey
    from tests.browser.test_csp import LISTEN, _visit

    page.add_init_script(LISTEN)
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    published = Opinion.objects.filter(status="published").first()
    closed = Survey.objects.filter(closed_at__isnull=False).first()
    opened = Survey.objects.filter(closed_at__isnull=True).first()
    for url in [
        "/voices/",
        "/voices/send/",
        "/voices/opinions/",
        f"/voices/opinions/{published.pk}/",
        "/voices/statistics/",
        f"/voices/surveys/{opened.pk}/",
        f"/voices/surveys/{closed.pk}/results/",
    ]:
        _visit(page, console, url)
    login("coordinator")
    for url in [
        "/voices/manage/",
        f"/voices/manage/{published.pk}/",
        "/voices/manage/surveys/",
        f"/voices/manage/surveys/{closed.pk}/",
        "/voices/manage/approvers/",
    ]:
        _visit(page, console, url)
