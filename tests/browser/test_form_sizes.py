"""Search boxes, radio buttons and checkboxes at the Digital Agency design system's sizes
(issue 17-6): a search or filter field is 48 px high (DADS Medium), a radio button or checkbox
is drawn in a 32 px square and, with its label, is a target at least 44 px high and wide.

The pages are found the way a person finds them: by following links from each role's home and
from the public front page, on a phone as on a desktop."""

import pytest

from tests.browser.test_phone_layout import links_on, phone_login

PAGES_PER_PERSONA = 25
# DADS input text and search box, Medium: 48 px. One pixel of rounding is allowed.
FIELD_HEIGHT = 47
# DADS radio and checkbox, Medium: a 32 px square holding a 26 px circle or a 24 px box.
CONTROL_SIZE = 24
# The minimum target of the design system (and WCAG 2.5.5's 44 CSS px).
TARGET = 44

MEASURE = """({field, control, target}) => {
  const visible = (el) => el.offsetParent !== null && el.getBoundingClientRect().height > 0;
  const name = (el) => `${el.tagName.toLowerCase()}#${el.id || el.name}`;
  const fields = [...document.querySelectorAll(
    'input[type="search"], [role="search"] input:not([type="radio"], [type="checkbox"], ' +
    '[type="hidden"], [type="submit"]), [role="search"] select'
  )].filter(visible);
  const low = fields
    .filter((el) => el.getBoundingClientRect().height < field)
    .map((el) => `${name(el)} ${el.getBoundingClientRect().height.toFixed(0)}px`);
  const controls = [...document.querySelectorAll('input[type="radio"], input[type="checkbox"]')]
    .filter(visible);
  const small = [];
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    let [top, bottom, left, right] = [box.top, box.bottom, box.left, box.right];
    for (const label of el.labels) {
      const r = label.getBoundingClientRect();
      top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
      left = Math.min(left, r.left); right = Math.max(right, r.right);
    }
    if (box.height < control || bottom - top < target || right - left < target) {
      small.push(`${name(el)} ${box.height.toFixed(0)}px, target ${(bottom - top).toFixed(0)}px`);
    }
  }
  return {fields: fields.length, controls: controls.length, low, small};
}"""
LIMITS = {"field": FIELD_HEIGHT, "control": CONTROL_SIZE, "target": TARGET}


def crawl(page, origin, start, problems, counts):
    queue, seen = [start], set()
    while queue and len(seen) < PAGES_PER_PERSONA:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        found = page.evaluate(MEASURE, LIMITS)
        counts["fields"] += found["fields"]
        counts["controls"] += found["controls"]
        problems += [f"{path}: field under 48 px: {x}" for x in found["low"]]
        problems += [f"{path}: control or target too small: {x}" for x in found["small"]]
        queue.extend(link for link in links_on(page, origin) if link not in seen)


@pytest.mark.parametrize("username", [None, "coordinator", "partner", "evaluator"])
def test_search_boxes_and_choices_have_the_design_systems_sizes(
    phone_page, live_server, demo_data, username
):
    problems, counts = [], {"fields": 0, "controls": 0}
    if username:
        phone_login(phone_page, username)
    crawl(phone_page, live_server.url, "/accounts/home/" if username else "/", problems, counts)
    assert not problems, "\n".join(problems)
    if username in (None, "coordinator"):
        assert counts["fields"] > 0  # the crawl reached the search boxes it is about


def test_the_form_choice_radio_is_a_large_target(page, demo_data, login):
    """The project's 協働の形態 choice: a radio beside its label, not wrapped in it."""
    from kyodo.projects.models import Project

    project = Project.objects.filter(form="").exclude(status="declined").first()
    if project is None:
        pytest.skip("no sample project without a form")
    login("coordinator")
    page.goto(f"/projects/{project.pk}/form/")
    found = page.evaluate(MEASURE, LIMITS)
    assert page.locator(".form-choice input[type=radio]").count() > 0
    assert not found["small"], found["small"]
