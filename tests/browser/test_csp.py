"""The Content-Security-Policy holds on every kind of page (issue 12.9).

Each page is loaded in Chromium with the policy the settings enforce; the test fails on any
`securitypolicyviolation` event and on any CSP message in the console (an inline script, an
inline style attribute, a style element added by a script, a resource from another origin).
Fails on the code before it: no policy was sent at all.
"""

import pytest

from kyodo.councils.models import Council
from kyodo.partners.models import Partner
from kyodo.projects.models import Project

LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""

PUBLIC = [
    "/",
    "/portal/projects/",
    "/portal/events/",
    "/portal/events/calendar/",
    "/portal/search/?q=防災",
    "/portal/partners/",
    "/portal/news/",
    "/calls/",
    "/councils/",
    "/accounts/login/",
    "/api/docs",
]


@pytest.fixture
def watched(page):
    page.add_init_script(LISTEN)
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return page, console


def _visit(page, console, url):
    response = page.goto(url)
    assert response.status < 400, url
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, url
    assert "unsafe-inline" not in policy
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__csp") + console
    assert not violations, f"{url}: {violations}"


def test_every_page_kind_keeps_the_policy(watched, demo_data, login):
    page, console = watched
    partner = Partner.objects.filter(listed_publicly=True).first()
    project = Project.objects.first()
    for url in [*PUBLIC, f"/portal/partners/{partner.pk}/"]:
        _visit(page, console, url)
    login("coordinator")
    for url in [
        "/accounts/home/",
        "/partners/",
        f"/partners/{partner.pk}/",
        "/projects/",
        f"/projects/{project.pk}/",
        "/calls/manage/",
        "/portal/manage/",
        "/councils/manage/",
        f"/councils/manage/{Council.objects.first().pk}/",
    ]:
        _visit(page, console, url)


def test_a_violation_would_be_seen(watched, live_server):
    """The listener works: an image from another origin is blocked and reported."""
    page, _console = watched
    page.goto("/accounts/login/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"https://example.invalid/x.png\">')"
    )
    page.wait_for_function("window.__csp.length > 0")
    assert "img-src" in page.evaluate("window.__csp")[0]
