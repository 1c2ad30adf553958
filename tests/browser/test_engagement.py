"""The promotion measures in a real browser: a staff member logs civic activity, a local
issue raised in dialogue becomes a draft project, a trainee answers the questionnaire, and the
public pages on a 360 px phone; axe-core on every page."""

import re

from playwright.sync_api import expect

ISSUE = "公民館の開館時間を延ばしてほしい。"


def test_issue_raised_in_dialogue_becomes_a_draft_project(
    page, demo_data, login, assert_accessible
):
    login("staff")
    page.get_by_role("navigation", name="メインメニュー").get_by_role(
        "link", name="協働推進の取組"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("協働推進の取組")
    assert_accessible(page)
    page.get_by_role("link", name="市民と職員の対話").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="（サンプル）潮見地区 市長と語る対話集会").click()
    assert_accessible(page)
    row = page.get_by_role("row").filter(has_text=ISSUE)
    row.get_by_role("link", name="事業案にする").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("地域課題を事業案にする")
    assert_accessible(page)
    page.get_by_label("事業案の名称").fill("公民館の夜間開放の協働")
    page.get_by_role("button", name="事業案を作成する").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("公民館の夜間開放の協働")
    expect(page.get_by_text(ISSUE).first).to_be_visible()  # the project's local issue
    expect(page.get_by_role("link", name="出された時の地域課題")).to_be_visible()
    page.reload()
    assert_accessible(page)


def test_staff_log_activity_with_japanese_input_and_see_only_counts(
    page, demo_data, login, assert_accessible
):
    login("staff")
    page.goto("/engagement/activities/new/")
    assert_accessible(page)
    page.get_by_label("日付").fill("令和８年４月２９日")
    page.get_by_label("種類").select_option(label="町内会活動")
    page.get_by_role("textbox", name=re.compile("^時間")).fill("３０")
    page.get_by_label("活動内容").fill("町内会のお祭りの設営")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("alert")).to_contain_text("24時間")
    expect(page.get_by_label("活動内容")).to_have_value("町内会のお祭りの設営")
    assert_accessible(page)
    page.get_by_role("textbox", name=re.compile("^時間")).fill("２．５")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("cell", name="2.5")).to_be_visible()
    page.goto("/engagement/figures/")
    expect(page.get_by_role("table").first).to_contain_text("5人未満")
    expect(page.get_by_role("img", name="地域活動を記録した職員の割合（課別）")).to_be_visible()
    assert_accessible(page)


def test_the_public_pages_on_a_phone(phone_page, demo_data, assert_accessible):
    page = phone_page
    for url, heading in [
        ("/portal/collaboration/", "協働の推進"),
        ("/portal/staff-activities/", "地域で活動する職員"),
        ("/portal/dialogue/", "市民と職員の対話"),
        ("/portal/trainings/", "市民講師による研修"),
        ("/portal/agreements/", "連携協定"),
    ]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{url} is {width} px wide on a 360 px phone"
        assert_accessible(page)
    page.goto("/portal/dialogue/")
    page.get_by_role("link", name="（サンプル）潮見地区 市長と語る対話集会").click()
    expect(page.get_by_role("rowheader", name=ISSUE)).to_be_visible()
    expect(page.get_by_text("若い世代")).to_have_count(0)  # the internal note stays inside
    assert_accessible(page)
