"""The public portal in a real browser: keyboard-only navigation, axe-core, a 360 px phone."""

import re

import pytest
from playwright.sync_api import expect


def tab_to(page, condition: str, limit: int = 120):
    """Press Tab until `condition` (JS on the focused element `a`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"(() => {{ const a = document.activeElement; return !!a && ({condition}); }})()"
        ):
            return
    raise AssertionError(f"no focusable element matched {condition}")


def test_keyboard_home_events_event_calendar(page, demo_data, assert_accessible):
    page.goto("/")
    assert_accessible(page)
    tab_to(page, "a.getAttribute('href') === '/portal/events/'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/events/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("イベント")
    assert_accessible(page)

    tab_to(page, "/^\\/portal\\/events\\/[0-9a-f-]{36}\\/$/.test(a.getAttribute('href') || '')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/events/[0-9a-f-]{36}/$"))
    expect(page.locator("dl.portal-facts")).to_contain_text("（令和")
    assert_accessible(page)

    tab_to(page, "(a.textContent || '').includes('この月のカレンダーを見る')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/events/calendar/\?year=\d+&month=\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("イベントカレンダー")
    assert_accessible(page)

    # A day with events links to its list below the table; Enter moves there.
    tab_to(page, "(a.getAttribute('href') || '').startsWith('#day-')")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    tab_to(page, "(a.getAttribute('rel') || '') === 'next'")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("イベントカレンダー")
    assert_accessible(page)


PAGES = [
    "/portal/events/?period=past",
    "/portal/news/",
    "/portal/guideline/",
    "/portal/charter/",
    "/portal/accessibility/",
    "/portal/opendata/",
    "/portal/events/calendar/?month=13",
]


def test_other_public_pages_are_accessible(page, demo_data, assert_accessible):
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "ja"
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    page.goto("/portal/news/")
    page.locator("a[href^='/portal/news/']").filter(has_text="サンプル").first.click()
    expect(page.locator("h1")).to_contain_text("（サンプル）")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    ["/portal/events/", "/portal/events/calendar/", "/portal/guideline/", "/portal/opendata/"],
)
def test_readable_on_a_360px_phone(phone_page, demo_data, assert_accessible, path):
    phone_page.goto(path)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path} scrolls sideways on a phone ({width}px)"
    assert_accessible(phone_page)


def test_staff_publishes_an_event_with_the_form(page, demo_data, login, assert_accessible):
    login("staff")
    page.goto("/portal/manage/")
    assert_accessible(page)
    page.get_by_role("link", name="イベントを作成").click()
    assert_accessible(page)
    page.locator("#id_title").fill("ブラウザからの催し")
    page.locator("#id_title_kana").fill("ブラウザカラノモヨオシ")
    page.locator("#id_start_date").fill("2030-05-10")
    page.locator("#id_end_date").fill("2030-05-09")
    page.locator("#id_place_name").fill("網走市民会館")
    page.locator("#id_organiser").fill("網走市")
    page.locator("#id_description").fill("説明")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_role("alert")).to_contain_text("終了日が開始日より前になっています")
    assert_accessible(page)
    page.locator("#id_end_date").fill("2030-05-10")
    page.locator("#id_publish_on").fill("2026-01-01")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_role("status")).to_contain_text("保存しました")
    page.goto("/portal/events/calendar/?year=2030&month=5")
    expect(page.locator("main")).to_contain_text("ブラウザからの催し")
