"""Issue 18 in the browser: the coordinator's comparison of two checklist versions, and another
city's look (its brand colour) on every kind of page, checked with axe-core."""

import pytest
from playwright.sync_api import expect

from kyodo.core.palette import primitive_colours
from kyodo.guideline.tests.city_files import ABASHIRI, EXAMPLE, load

pytestmark = pytest.mark.browser


def test_the_comparison_page_is_accessible(page, demo_data, login, assert_accessible):
    load(
        ABASHIRI.replace(
            "市が責任を持って対応すべき事業ではないか。",
            "市が法令上の責任で行うべき事業ではないか。",
        )
    )
    login("coordinator")
    page.goto("/guideline/")
    page.get_by_role("link", name="第2版で変更：比較する").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("版の比較")
    expect(page.locator("tr.compare-row--changed")).to_have_count(1)
    assert_accessible(page)


def test_another_city_looks_its_own_and_stays_accessible(page, demo_data, assert_accessible):
    load(EXAMPLE)
    for path in ("/", "/portal/guideline/", "/portal/charter/", "/portal/accessibility/"):
        page.goto(path)
        expect(page.locator(".site-header__city")).to_have_text("（例）みなと市")
        brand = page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--kyodo-brand')"
        )
        assert brand.strip().lower() == primitive_colours()["green-800"], brand
        assert_accessible(page)
