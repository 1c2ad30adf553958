"""What the web accessibility policy (/portal/accessibility/) states as its test results.

Its table lists, per kind of public page, axe-core violations (0), keyboard operation and a
360 px phone screen; the keyboard rows are covered by test_portal_projects.py. This file
checks every public page kind on a phone, axe-core included, so that the table stays true.
"""

import pytest
from playwright.sync_api import expect


def _public_paths() -> list[str]:
    from kyodo.calls.selectors import published_results
    from kyodo.partners.selectors import public_partners
    from kyodo.portal import selectors
    from kyodo.projects.selectors import public_projects

    event = selectors.upcoming_events().first()
    return [
        "/",
        "/portal/projects/",
        f"/portal/projects/{public_projects().first().pk}/",
        "/portal/partners/",
        f"/portal/partners/{public_partners().first().pk}/",
        "/calls/",
        f"/calls/{published_results().first().pk}/result/",
        "/portal/events/",
        f"/portal/events/?date={event.start_date.isoformat()}",
        f"/portal/events/{event.pk}/",
        "/portal/events/calendar/",
        "/portal/search/?q=清掃",
        "/portal/guideline/",
        "/portal/charter/",
        "/portal/opendata/",
        "/portal/accessibility/",
    ]


def test_every_kind_of_public_page_on_a_360px_phone(phone_page, demo_data, assert_accessible):
    for path in _public_paths():
        response = phone_page.goto(path)
        assert response.status == 200, path
        expect(phone_page.get_by_role("heading", level=1)).to_have_count(1)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways on a phone ({width}px)"
        assert_accessible(phone_page)


@pytest.mark.parametrize("path", ["/accounts/login/", "/portal/news/"])
def test_the_footer_links_the_policy_on_every_page(page, demo_data, path):
    page.goto(path)
    footer = page.get_by_role("contentinfo")
    for name in ("ウェブアクセシビリティ方針", "地域協働の指針", "網走市民憲章", "オープンデータ"):
        expect(footer.get_by_role("link", name=name)).to_be_visible()
    footer.get_by_role("link", name="ウェブアクセシビリティ方針").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ウェブアクセシビリティ方針")
