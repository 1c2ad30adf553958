"""The coordinator's dashboard in a real browser: a figure's records, the alerts, and the
annual report made in the background and downloaded; axe-core on each page."""

import re

from playwright.sync_api import expect

from kyodo.reports.models import AnnualReport
from kyodo.reports.tasks import make_annual_report


def test_dashboard_drill_down_and_the_annual_report(page, demo_data, login, assert_accessible):
    login("coordinator")
    page.get_by_role("navigation", name="メインメニュー").get_by_role(
        "link", name="ダッシュボード"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ダッシュボード")
    expect(page.get_by_role("img", name="段階別の事業")).to_be_visible()
    assert_accessible(page)
    # A number links to the records behind it.
    page.get_by_role("link", name="協働になじまないと判断").first.click()
    expect(page).to_have_url(re.compile("status=declined"))
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="確認が必要な事項").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("確認が必要な事項")
    assert_accessible(page)
    page.goto("/reports/annual/")
    assert_accessible(page)
    page.get_by_role("button", name="報告を作成する").click()
    expect(page.get_by_role("progressbar")).to_be_visible()
    assert_accessible(page)
    # The task worker makes it; the page follows by itself until the links appear.
    make_annual_report.call(str(AnnualReport.objects.get().pk))
    expect(page.get_by_role("link", name="Excel ファイルをダウンロード")).to_be_visible(
        timeout=15_000
    )
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF をダウンロード").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert "令和" in download.value.suggested_filename
    # Its summary goes to the portal, where anyone reads it.
    page.reload()
    page.get_by_role("button", name="概要をポータルで公表する").click()
    page.get_by_role("link", name="見る").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("協働事業実績報告（令和")
    assert_accessible(page)
