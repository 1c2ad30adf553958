"""The privacy sentinel test for projects, partners, calls and results (pages, search, API).

Unique sentinels go into every private field: partner contacts, partners that did not agree to
be listed, projects that are not public, consultation notes, agreed points, suitability
reasons, draft calls, applications (draft and submitted) and evaluators' comments. None may
appear in any public page or API response.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.calls import services as call_services
from kyodo.calls.models import Score
from kyodo.calls.tests.factories import (
    forming_project,
    make_call,
    make_evaluator,
    score_all,
    submit,
    to_evaluation,
)
from kyodo.core.demo import seed as seed_municipality
from kyodo.partners import services as partner_services
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.portal.tests.test_privacy import Sentinels
from kyodo.projects import services as project_services
from kyodo.projects.models import Participation, Project, ProjectStatus, SuitabilityCheck
from kyodo.projects.tests.conftest import answer_all

pytestmark = pytest.mark.django_db

# Every word of the public texts below, so that the search pages find the public items.
WORD = "流氷"


def _partner(s, label, listed):
    return partner_services.partner_create(
        actor=None,
        data={
            "partner_type": PartnerFactory().partner_type,
            "name": f"{WORD}の会{label}" if listed else s(f"{label}-name"),
            "listed_publicly": listed,
            "activity": f"{WORD}の観察",
            "contact_name": s(f"{label}-contact"),
            "contact_phone": "0152-99-9999",
            "contact_email": f"{s(label + '-mail').lower()}@example.jp",
            "postal_code": "093-0000",
            "address": s(f"{label}-address"),
        },
    )


def _project(s, title, status, partners):
    project = project_services.project_create(
        actor=None,
        title=title,
        department=DepartmentFactory(),
        local_issue=f"{WORD}の課題",
        purpose=f"{WORD}の目的",
    )
    for partner in partners:
        Participation.objects.create(project=project, partner=partner)
    project = answer_all(project, reason=s(f"{title[:4]}-suitability"))
    project_services.consultation_add(
        actor=None,
        project=project,
        held_on=date(2026, 4, 1),
        city_attendees=s(f"{title[:4]}-city"),
        partner_attendees=s(f"{title[:4]}-side"),
        agenda=s(f"{title[:4]}-agenda"),
        notes=s(f"{title[:4]}-notes"),
        points=[s(f"{title[:4]}-point")],
    )
    project_services.agreed_point_add(actor=None, project=project, text=s(f"{title[:4]}-agreed"))
    Project.objects.filter(pk=project.pk).update(status=status)
    project.refresh_from_db()
    return project


@pytest.fixture
def seeded(db):
    seed_municipality()
    s = Sentinels()
    listed = _partner(s, "listed", True)
    unlisted = _partner(s, "unlisted", False)
    public = _project(s, f"{WORD}公開事業", ProjectStatus.RUNNING, [listed, unlisted])
    hidden = _project(s, s("idea-project"), ProjectStatus.IDEA, [listed])
    forming = forming_project(title=s("forming-project"))
    draft_call = make_call(forming, open_=False, title=s("draft-call"), purpose=s("draft-purp"))

    # A call taken through to a published result, with evaluators' comments.
    call = make_call(
        forming_project(title=f"{WORD}公募事業"), title=f"{WORD}公募", contact="市役所"
    )
    applicants = [_partner(s, f"app{i}", listed=i == 0) for i in range(2)]
    applications = [
        submit(call, partner, proposal=s(f"proposal{i}"), plan=s(f"plan{i}"))
        for i, partner in enumerate(applicants)
    ]
    call_services.application_save_draft(
        actor=None, call=call, partner=listed, proposal=s("draft-app")
    )
    evaluator = make_evaluator()
    (assignment,) = to_evaluation(call, [evaluator])
    for application in applications:
        scores = score_all(assignment, application, [3] * call.criteria.count())
        scores[0].comment = s("evaluator-comment")
        scores[0].save()
    call_services.evaluation_submit(actor=None, assignment=assignment)
    call = call_services.call_decide(
        actor=None, call=call, selected=[applications[0]], reason="地域に根ざした提案"
    )
    call = call_services.call_publish_result(actor=None, call=call)
    return {
        "sentinels": s.values,
        "listed": listed,
        "unlisted": unlisted,
        "public": public,
        "hidden": hidden,
        "draft_call": draft_call,
        "call": call,
    }


def public_urls(seeded):
    urls = ["/", "/portal/projects/", "/portal/partners/", f"/portal/search/?q={WORD}"]
    for project in (seeded["public"], seeded["hidden"]):
        urls += [f"/portal/projects/{project.pk}/", f"/api/projects/{project.pk}"]
    for partner in (seeded["listed"], seeded["unlisted"]):
        urls += [f"/portal/partners/{partner.pk}/", f"/api/partners/{partner.pk}"]
    for call in (seeded["call"], seeded["draft_call"]):
        urls += [
            f"/calls/{call.pk}/",
            f"/calls/{call.pk}/result/",
            f"/api/calls/{call.pk}",
            f"/api/calls/{call.pk}/result",
        ]
    for resource in ("projects", "partners", "calls"):
        urls += [f"/api/{resource}/", f"/api/{resource}/?per_page=100"]
    return [*urls, "/calls/", "/api/calls/?state=published", "/api/openapi.json"]


def test_no_sentinel_in_any_public_page_or_api_response(client, seeded):
    assert len(seeded["sentinels"]) > 30
    for url in public_urls(seeded):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        content = response.content.decode("utf-8-sig")
        leaked = [s for s in seeded["sentinels"] if s in content or s.lower() in content]
        assert not leaked, f"{url} shows {leaked}"


def test_the_public_items_are_really_served(client, seeded):
    call, public, listed = seeded["call"], seeded["public"], seeded["listed"]
    assert public.title in client.get("/api/projects/").content.decode()
    assert listed.name in client.get(f"/api/projects/{public.pk}").content.decode()
    assert listed.name in client.get("/api/partners/").content.decode()
    result = client.get(f"/api/calls/{call.pk}/result").json()
    assert [row["selected"] for row in result["rows"]].count(True) == 1
    assert result["decision_reason"] == "地域に根ざした提案"
    html = client.get(f"/portal/search/?q={WORD}").content.decode()
    assert public.title in html and call.title in html and listed.name in html
    assert timezone.now() - timedelta(hours=1) < call.published_at
    # The sentinels really are stored where the staff and evaluators see them.
    assert Score.objects.filter(comment__startswith="SNTL").count() == 2
    assert SuitabilityCheck.objects.filter(reason__startswith="SNTL").count() == 2
