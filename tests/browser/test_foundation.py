"""The foundation in a real browser: logins per persona, language switch, lockout, axe-core."""

import re

import pytest
from playwright.sync_api import expect

LANDINGS = [
    ("admin", "/accounts/home/administrator/", "システム管理"),
    ("coordinator", "/accounts/home/coordinator/", "協働推進担当のページ"),
    ("staff", "/accounts/home/staff/", "わたしの仕事"),
    ("staff2", "/accounts/home/staff/", "わたしの仕事"),
    ("partner", "/accounts/home/partner/", "団体のページ"),
    ("evaluator", "/accounts/home/evaluator/", "審査のページ"),
]


@pytest.mark.parametrize(("username", "path", "heading"), LANDINGS)
def test_each_demo_persona_lands_on_its_page(
    page, demo_data, login, assert_accessible, username, path, heading
):
    login(username)
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_public_pages_are_accessible(page, demo_data, assert_accessible):
    for path in ["/", "/accounts/login/", "/no-such-page/"]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "ja"
        assert_accessible(page)


def test_failed_login_shows_the_message_and_keeps_the_name(
    page, demo_data, login, assert_accessible
):
    login("staff", password="wrong-password")
    expect(page.get_by_role("alert")).to_contain_text(
        "アカウント名またはパスワードが正しくありません"
    )
    expect(page.get_by_label("アカウント名")).to_have_value("staff")
    assert_accessible(page)
    # Keyboard and screen-reader users start at the summary of what went wrong.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")


def test_lockout_after_five_failures(page, demo_data, login, assert_accessible):
    for _ in range(5):
        login("staff2", password="wrong-password")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "このアカウントは一時的にロックされています"
    )
    assert_accessible(page)


def test_language_switch(page, demo_data, assert_accessible):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("協働ポータル")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kyodo collaboration portal")
    assert_accessible(page)
    page.get_by_role("button", name="日本語").click()
    expect(page.locator("html")).to_have_attribute("lang", "ja")


def test_password_change_page_is_accessible_with_errors(page, demo_data, login, assert_accessible):
    login("staff")
    page.goto("/accounts/password/")
    assert_accessible(page)
    page.get_by_role("button", name="パスワードを変更する").click()
    expect(page.get_by_role("alert")).to_contain_text("入力内容を確認してください")
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus_to_main(page, demo_data):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "本文へ移動"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_fits_a_360px_phone(phone_page, demo_data, assert_accessible):
    phone_page.goto("/")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, "the page scrolls sideways on a 360 px phone"
    assert_accessible(phone_page)


def test_forbidden_page_is_japanese_and_accessible(page, demo_data, login, assert_accessible):
    login("staff")
    response = page.goto("/accounts/home/coordinator/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "このページを表示する権限がありません"
    )
    assert_accessible(page)


def test_password_change_done_page(page, demo_data, login, assert_accessible):
    login("staff2")
    page.goto("/accounts/password/")
    page.locator("#id_old_password").fill("kyodo-demo")
    page.locator("#id_new_password1").fill("abashiri-kyodo-2026")
    page.locator("#id_new_password2").fill("abashiri-kyodo-2026")
    page.get_by_role("button", name="パスワードを変更する").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("パスワードを変更しました")
    assert_accessible(page)


def test_account_without_a_role_sees_a_clear_page(page, demo_data, login, assert_accessible):
    from kyodo.accounts.tests.factories import UserFactory

    UserFactory(username="norole", password="kyodo-demo")
    login("norole")
    expect(page.get_by_role("heading", level=1)).to_have_text("マイページ")
    expect(page.get_by_text("役割が設定されていません")).to_be_visible()
    assert_accessible(page)
