"""Home → event → calendar → project → partner by keyboard alone, axe-core on each page."""

import re

from playwright.sync_api import expect

from tests.browser.test_portal import tab_to

UUID_PATH = "[0-9a-f-]{36}\\/$"


def test_keyboard_home_event_calendar_project_partner(page, demo_data, assert_accessible):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_accessible(page)

    tab_to(page, f"/^\\/portal\\/events\\/{UUID_PATH}/.test(a.getAttribute('href') || '')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/events/[0-9a-f-]{36}/$"))
    assert_accessible(page)

    tab_to(page, "(a.textContent || '').includes('この月のカレンダーを見る')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("イベントカレンダー")
    assert_accessible(page)

    tab_to(page, "a.getAttribute('href') === '/portal/projects/'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/projects/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("協働事業")
    assert_accessible(page)

    tab_to(page, "(a.textContent || '').includes('花いっぱい運動')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/projects/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("花いっぱい運動")
    assert_accessible(page)

    tab_to(page, f"/^\\/portal\\/partners\\/{UUID_PATH}/.test(a.getAttribute('href') || '')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/portal/partners/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("（サンプル）")
    assert_accessible(page)


def test_partner_directory_and_search_are_accessible(page, demo_data, assert_accessible):
    for url in ("/portal/partners/", "/portal/search/?q=清掃", "/portal/search/"):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page)


def test_home_on_a_phone(phone_page, demo_data, assert_accessible):
    phone_page.goto("/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert_accessible(phone_page)


def test_search_results_and_directory_filters_on_a_phone(phone_page, demo_data, assert_accessible):
    """Issue 17-10: each result's type, date and marked excerpt; the directory's filters."""
    phone_page.goto("/portal/search/?q=清掃")
    first = phone_page.locator(".search-results > li").first
    expect(first.locator(".search-result__kind")).to_be_visible()
    expect(phone_page.locator(".search-result__excerpt mark").first).to_contain_text("清掃")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone_page)
    phone_page.goto("/portal/partners/")
    phone_page.get_by_label("活動地域").fill("網走")
    phone_page.get_by_role("button", name="表示する").click()
    expect(phone_page).to_have_url(re.compile(r"area=%E7%B6%B2%E8%B5%B0|area=網走"))
    expect(phone_page.get_by_label("活動地域")).to_have_value("網走")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone_page)
