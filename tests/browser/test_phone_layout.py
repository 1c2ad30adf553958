"""Every page a coordinator, staff member, partner member and evaluator reaches fits a 360 px
phone (issue 17-5): no sideways scroll of the page, no text column squeezed under four
characters (a wide table scrolls inside its own region instead), and a menu that folds behind
a button instead of pushing the content down."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

# Not pages: files, the API, the admin site, leaving.
SKIPPED = ("/api/", "/django-admin/", "/accounts/logout/", "/i18n/")
FILES = (".csv", ".xlsx", ".ics", ".pdf", ".docx", ".json", ".xml", "/feed/", "/download")
PAGES_PER_PERSONA = 30

MEASURE = """() => {
  const doc = document.documentElement;
  const narrow = [];
  // The month calendar's grid holds day numbers; its events are listed below at full width.
  const cells = "main table:not(.portal-calendar) th, main table:not(.portal-calendar) td";
  for (const cell of document.querySelectorAll(cells)) {
    const text = cell.textContent.trim();
    if (text.length < 2) continue;
    const style = getComputedStyle(cell);
    const content = cell.getBoundingClientRect().width
      - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (content < 4 * parseFloat(style.fontSize) - 0.5) narrow.push(text.slice(0, 20));
  }
  return {
    sideways: doc.scrollWidth > doc.clientWidth,
    narrow: narrow.slice(0, 5),
    mainTop: document.querySelector("main").getBoundingClientRect().top + window.scrollY,
  };
}"""


def phone_login(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("アカウント名").fill(username)
    page.get_by_label("パスワード").fill("kyodo-demo")
    page.get_by_role("button", name="ログイン").last.click()
    page.wait_for_load_state()


def links_on(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        if path.startswith(SKIPPED) or any(mark in path for mark in FILES):
            continue
        found.append(path)
    return found


@pytest.mark.parametrize("username", ["coordinator", "staff", "partner", "evaluator"])
def test_every_page_of_a_role_fits_a_360px_phone(phone_page, live_server, demo_data, username):
    phone_login(phone_page, username)
    queue, seen, problems = ["/accounts/home/"], set(), []
    while queue and len(seen) < PAGES_PER_PERSONA:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = phone_page.goto(path)
        if (
            response is None
            or response.status != 200
            or "text/html" not in (response.headers.get("content-type", ""))
        ):
            continue
        found = phone_page.evaluate(MEASURE)
        if found["sideways"]:
            problems.append(f"{path}: the page scrolls sideways")
        if found["narrow"]:
            problems.append(f"{path}: columns under 4 characters: {found['narrow']}")
        if found["mainTop"] > 300:
            problems.append(f"{path}: the content starts {found['mainTop']:.0f} px down")
        queue.extend(link for link in links_on(phone_page, live_server.url) if link not in seen)
    assert len(seen) >= 5, f"only {len(seen)} pages reached: {sorted(seen)}"
    assert not problems, "\n".join(problems)


def test_the_phone_menu_folds_and_opens(phone_page, demo_data, assert_accessible):
    phone_login(phone_page, "coordinator")
    phone_page.goto("/accounts/home/")
    menu = phone_page.get_by_role("button", name="メニュー")
    dashboard = phone_page.locator("#site-nav-list").get_by_role("link", name="ダッシュボード")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(dashboard).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(dashboard).to_be_visible()
    assert_accessible(phone_page)
    dashboard.click()
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text("ダッシュボード")


def test_a_wide_screen_shows_the_menu_without_a_button(page, demo_data, login):
    login("coordinator")
    page.goto("/accounts/home/")
    expect(page.get_by_role("button", name="メニュー")).to_be_hidden()
    nav = page.locator("#site-nav-list")
    expect(nav.get_by_role("link", name="ダッシュボード")).to_be_visible()
    # Work items only for someone at work: no near-duplicate public entries beside them.
    expect(nav.get_by_role("link", name="協働事業の紹介")).to_have_count(0)
    expect(nav.get_by_role("link", name="公開ポータル")).to_be_visible()
