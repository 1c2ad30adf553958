"""「※必須」 says the truth on every form (issue 17-6): each field a person must fill in carries
the mark, and no field carrying it may be left empty.

The pages are found as people find them: from the home of a coordinator, a staff member, a
partner member and an evaluator, following links over the sample data. On each page, a control
is required when its form field is (every form in the page's context) or when the HTML says so
(`required`); it is marked when its label, or the legend of its group of choices, says 「※必須」.
"""

import re
from collections import Counter
from urllib.parse import urlsplit

import lxml.html
import pytest
from django import forms

from kyodo.accounts.models import User

MARK = "※必須"
SKIPPED = ("/api/", "/django-admin/", "/accounts/logout/", "/i18n/", "/static/")
FILES = (".csv", ".xlsx", ".ics", ".pdf", ".docx", ".json", ".xml", "/feed/", "/download")
PAGES_PER_PERSONA = 120
# Pages of one kind (the same address but for its ids) are visited twice at most, and the
# public portal's pages (no forms but its search) not at all: the budget goes to forms.
PER_KIND = 2
PUBLIC = re.compile(r"^/portal/(?!manage/)|/public/$")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CONTROLS = (
    "//main//input[not(@type='hidden') and not(@type='submit') and not(@type='button')]"
    " | //main//select | //main//textarea"
)


def context_forms(response) -> list[forms.BaseForm]:
    """Every form the page was rendered with (formsets' forms included, one level deep)."""
    found = []

    def take(value):
        if isinstance(value, forms.BaseForm):
            found.append(value)
        elif isinstance(value, forms.BaseFormSet):
            found.extend(value.forms)

    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            take(value)
            if isinstance(value, list | tuple):
                for item in value[:200]:
                    take(item)
    return found


def required_ids(response) -> set[str]:
    ids = set()
    for form in context_forms(response):
        for bound in form.visible_fields():
            if bound.field.required and not bound.field.disabled:
                ids.add(bound.auto_id)
                ids.add(bound.id_for_label)
                ids.update(f"{bound.auto_id}_{i}" for i in range(200) if bound.auto_id)
    ids.discard("")
    ids.discard(None)
    return ids


def marked(tree, control) -> bool:
    """The control's own label says 「※必須」, or, for a choice, the legend of its group."""
    control_id = control.get("id")
    texts = [label.text_content() for label in tree.xpath(f"//label[@for='{control_id}']")]
    texts += [a.text_content() for a in control.iterancestors("label")]
    if control.get("type") in ("radio", "checkbox"):
        for fieldset in control.iterancestors("fieldset"):
            texts += [legend.text_content() for legend in fieldset.findall("legend")]
            break
    return any(MARK in text for text in texts)


def problems_on(path, response) -> tuple[list[str], int]:
    tree = lxml.html.fromstring(response.content.decode())
    required = required_ids(response)
    problems = []
    controls = tree.xpath(CONTROLS)
    for control in controls:
        if control.get("disabled") is not None or control.get("form"):
            continue
        name = control.get("id") or control.get("name")
        must = control.get("required") is not None or control.get("id") in required
        if must and not marked(tree, control):
            problems.append(f"{path}: {name} is required but not marked {MARK}")
        elif marked(tree, control) and not must:
            problems.append(f"{path}: {name} is marked {MARK} but may be left empty")
    return problems, len(controls)


def links_on(response) -> list[str]:
    tree = lxml.html.fromstring(response.content.decode())
    found = []
    for href in tree.xpath("//a/@href"):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        path = parts.path  # filters and pages of a list show the same forms
        if path.startswith(SKIPPED) or any(mark in path for mark in FILES) or PUBLIC.search(path):
            continue
        found.append(path)
    return found


@pytest.fixture
def sample_town(db, settings, tmp_path):
    from kyodo.core.demo import seed_all

    settings.MEDIA_ROOT = tmp_path
    seed_all()


@pytest.mark.parametrize("username", ["coordinator", "staff", "partner", "evaluator"])
def test_every_required_field_is_marked_and_every_mark_is_required(client, sample_town, username):
    client.force_login(User.objects.get(username=username))
    queue, seen, problems, checked = ["/accounts/home/"], set(), [], 0
    kinds = Counter()
    while queue and len(seen) < PAGES_PER_PERSONA:
        path = queue.pop(0)
        kind = UUID.sub("<id>", path)
        if path in seen or kinds[kind] >= PER_KIND:
            continue
        seen.add(path)
        kinds[kind] += 1
        response = client.get(path)
        if response.status_code == 302 and response["Location"].startswith("/"):
            queue.append(response["Location"])
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        found, controls = problems_on(path, response)
        problems += found
        checked += controls
        queue.extend(link for link in links_on(response) if link not in seen)
    assert checked >= 20, sorted(seen)  # the walk reached forms
    assert not problems, "\n".join(sorted(set(problems)))


def page(html: str):
    from types import SimpleNamespace

    return SimpleNamespace(
        content=f"<html><body><main>{html}</main></body></html>".encode(), context=None
    )


def test_the_check_sees_both_ways_of_lying():
    unmarked = page('<label for="a">事業名</label><input id="a" name="a" required>')
    overmarked = page('<label for="b">備考 <span>※必須</span></label><textarea id="b"></textarea>')
    group = page(
        '<fieldset><legend>形態 ※必須</legend><label><input type="radio" id="c_0" required>'
        "委託</label></fieldset>"
    )
    assert problems_on("/", unmarked)[0] == ["/: a is required but not marked ※必須"]
    assert problems_on("/", overmarked)[0] == ["/: b is marked ※必須 but may be left empty"]
    assert problems_on("/", group) == ([], 1)
