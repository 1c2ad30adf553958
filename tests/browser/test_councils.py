"""Councils in a real browser: a coordinator registers a council, appoints members, records a
meeting with attendance, minutes and an outcome, and adds its follow-up; axe-core on every
page, and the public pages on a 360 px phone."""

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


def appoint(page, name, gender, category):
    page.get_by_role("link", name="委員を委嘱").click()
    page.fill("#id_name", name)
    page.select_option("#id_gender", gender)
    page.select_option("#id_category", category)
    page.fill("#id_starts_on", "令和8年4月1日")
    page.fill("#id_ends_on", "2028-03-31")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("委員を委嘱しました。")).to_be_visible()


def test_from_a_new_council_to_the_follow_up_of_its_outcome(page, demo_data, login, accessible):
    from kyodo.accounts.models import Department

    department = Department.objects.order_by("sort_order").first()
    login("coordinator")
    page.goto("/councils/manage/")
    accessible(page)
    page.get_by_role("link", name="審議会等を登録").click()
    page.fill("#id_name", "ブラウザ審議会")
    page.select_option("#id_kind", "shingikai")
    page.fill("#id_purpose", "ブラウザで審議する")
    page.select_option("#id_department", str(department.pk))
    page.fill("#id_seats", "５")
    page.fill("#id_established_on", "令和元年5月1日")
    accessible(page)
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ブラウザ審議会")
    accessible(page)

    appoint(page, "委員あ", "2", "public")
    appoint(page, "委員い", "1", "ex_officio")

    # A person already on another council, found by the reading typed in hiragana: the
    # suggestions tell people of one name apart; one is chosen and appointed, not registered.
    page.get_by_role("link", name="委員を委嘱").click()
    expect(page.locator("select#id_person")).to_have_count(0)
    page.fill("#id_person", "やまだ")
    page.select_option("#id_category", "academic")
    page.fill("#id_starts_on", "令和8年4月1日")
    page.fill("#id_ends_on", "2028-03-31")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("「やまだ」という名前の人は登録されていません").first).to_be_visible()
    expect(page.locator("#id_person")).to_have_value("やまだ")
    accessible(page)
    options = page.locator("#id_person_list option")
    assert options.count() <= 30
    suggestion = options.evaluate_all(
        "(options) => options.map((o) => o.value).find((v) => v.startsWith('山田 花子（'))"
    )
    assert "ヤマダ ハナコ" in suggestion and "網走市環境審議会" in suggestion
    page.fill("#id_person", suggestion)
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("委員を委嘱しました。")).to_be_visible()
    expect(page.get_by_role("link", name="山田 花子")).to_be_visible()

    page.get_by_role("link", name="会議を登録").click()
    page.fill("#id_title", "第1回")
    page.fill("#id_starts_at", "2026-06-01T14:00")
    page.fill("#id_agenda", "会長の選出\n計画について")
    accessible(page)
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("第1回")
    accessible(page)

    page.get_by_label("委員あ").select_option("present")
    page.get_by_label("委員い").select_option("proxy")
    page.get_by_role("button", name="出欠を記録").click()
    expect(page.get_by_text("定足数を満たしています。")).to_be_visible()

    page.fill("#id_text", "計画について意見を交換した。")
    page.get_by_role("button", name="会議録を保存").click()
    page.get_by_role("button", name="会議録を承認").click()
    page.get_by_role("button", name="会議録を公開").click()
    expect(page.get_by_text("会議録を公開しました。")).to_be_visible()
    accessible(page)

    page.get_by_role("link", name="結論を記録").click()
    page.select_option("#id_kind", "toshin")
    page.fill("#id_title", "計画への答申")
    page.fill("#id_text", "計画を承認する。")
    accessible(page)
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("heading", name="答申：計画への答申")).to_be_visible()

    page.get_by_role("link", name="対応事項を追加").click()
    page.fill("#id_action", "計画を策定し公表する")
    page.select_option("#id_status", "declined")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("対応しない理由を入力してください。").first).to_be_visible()
    expect(page.locator("#id_action")).to_have_value("計画を策定し公表する")
    accessible(page)
    page.select_option("#id_status", "considering")
    page.fill("#id_due_on", "令和9年3月31日")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("計画を策定し公表する")).to_be_visible()
    accessible(page)

    # The public sees the council, the minutes and the follow-up's status.
    page.goto("/councils/")
    page.get_by_role("link", name="ブラウザ審議会").click()
    expect(page.get_by_role("table", name="委員名簿")).to_contain_text("委員あ")
    expect(page.get_by_text("計画を策定し公表する")).to_be_visible()
    accessible(page)


def test_public_council_pages_fit_a_360px_phone(phone_page, demo_data, assert_accessible):
    from kyodo.councils.models import Council

    council = Council.objects.get(name="（サンプル）網走市環境審議会")
    meeting = council.meetings.filter(minutes_published_at__isnull=False).first()
    for url in (
        "/councils/",
        f"/councils/{council.pk}/",
        f"/councils/meetings/{meeting.pk}/public/",
    ):
        phone_page.goto(url)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        assert not overflow, f"{url} scrolls sideways on a 360 px phone"
        assert_accessible(phone_page)
