from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kyodo.calls import services
from kyodo.calls.models import Application, ApplicationStatus, Call
from kyodo.calls.tests.factories import (
    applicant,
    make_evaluator,
    score_all,
)
from kyodo.partners.models import PartnerMembership

PUBLIC = {
    "anonymous",
    "outsider",
    "administrator",
    "coordinator",
    "staff_a",
    "staff_b",
    "partner_member",
    "evaluator",
    "conflicted_evaluator",
}


# Who reads the application of the persona partner member's organisation (and downloads its
# attachment): the evaluator has not declared yet, the conflicted evaluator declared a conflict.
READERS = {"coordinator", "partner_member"}


def page_access(world):
    """(url, personas that get 200); all others get 403 (logged in), a login redirect
    (anonymous) or 404 (an object they may not see)."""
    return [
        (reverse("calls:public_list"), PUBLIC),
        (reverse("calls:public_detail", args=[world["open"].pk]), PUBLIC),
        (reverse("calls:public_detail", args=[world["draft"].pk]), {"coordinator"}),
        (reverse("calls:public_result", args=[world["published"].pk]), PUBLIC),
        (reverse("calls:public_result", args=[world["evaluating"].pk]), set()),
        (reverse("calls:my_applications"), {"partner_member"}),
        (reverse("calls:application_new", args=[world["open"].pk]), {"partner_member"}),
        (
            # Evaluators see who applied; what they read depends on their declaration
            # (test_conflicts.py).
            reverse("calls:application_detail", args=[world["own_app"].pk]),
            {"coordinator", "partner_member", "evaluator", "conflicted_evaluator"},
        ),
        (
            reverse("calls:application_detail", args=[world["other_app"].pk]),
            {"coordinator", "evaluator", "conflicted_evaluator"},
        ),
        (reverse("calls:manage_list"), {"coordinator"}),
        (reverse("calls:call_create"), {"coordinator"}),
        (reverse("calls:manage_detail", args=[world["evaluating"].pk]), {"coordinator"}),
        (reverse("calls:call_edit", args=[world["open"].pk]), {"coordinator"}),
        (reverse("calls:ranking", args=[world["evaluating"].pk]), {"coordinator"}),
        (reverse("calls:ranking", args=[world["published"].pk]), {"coordinator"}),
        (reverse("calls:receipt_lookup"), {"coordinator"}),
        (reverse("calls:grant_list"), {"coordinator"}),
        (reverse("calls:evaluation_queue"), {"evaluator", "conflicted_evaluator"}),
        (reverse("calls:evaluation_detail", args=[world["assignment"].pk]), {"evaluator"}),
        (
            reverse(
                "calls:evaluation_application",
                args=[world["assignment"].pk, world["own_app"].pk],
            ),
            {"evaluator"},
        ),
        (
            reverse("calls:evaluation_detail", args=[world["conflicted_assignment"].pk]),
            {"conflicted_evaluator"},
        ),
        (
            reverse(
                "calls:evaluation_application",
                args=[world["conflicted_assignment"].pk, world["own_app"].pk],
            ),
            {"conflicted_evaluator"},
        ),
        (reverse("calls:attachment_download", args=[world["attachment"].pk]), READERS),
    ]


def test_every_page_for_every_persona(world, persona_client):
    """One world, every persona in turn (building the world is the slow part)."""
    wrong = []
    for persona in sorted(PUBLIC):
        client = persona_client(persona)
        if persona == "anonymous":
            client.logout()  # the fixture shares one client between personas
        for url, allowed in page_access(world):
            response = client.get(url)
            status = response.status_code
            if persona in allowed:
                ok = status == 200
            elif persona == "anonymous":
                ok = status == 404 or (
                    status == 302 and response["Location"].startswith(reverse("accounts:login"))
                )
            else:
                ok = status in (403, 404)
            if not ok:
                wrong.append((persona, url, status))
    assert wrong == []


def test_an_applicant_never_sees_scores_or_another_application(world, persona_client):
    client = persona_client("partner_member")
    response = client.get(reverse("calls:application_detail", args=[world["own_app"].pk]))
    assert response.status_code == 200
    assert "オホーツク研究会" not in response.content.decode()
    assert (
        client.get(reverse("calls:application_detail", args=[world["other_app"].pk])).status_code
        == 404
    )
    ranking = client.get(reverse("calls:ranking", args=[world["evaluating"].pk]))
    assert ranking.status_code in (403, 404)


def test_the_public_result_carries_no_personal_data(world, client):
    winner = world["winner"]
    html = client.get(reverse("calls:public_result", args=[world["published"].pk])).content
    html = html.decode()
    assert "選ばれた会" in html
    assert "選ばれなかった会" not in html and "応募者A" in html
    assert "実現性が高い" in html
    assert "活動内容、活動実績" in html  # the criteria used
    assert "書類審査" in html  # and the method
    assert winner.partner.contact_email not in html
    assert winner.partner.contact_phone not in html
    assert "の講評" not in html  # evaluators' comments
    assert winner.call.assignments.get().evaluator.username not in html
    # 15·5/5 + 15·5/5 + 15·4/5 + 15·4/5 + 20·5/5 + 10·4/5 + 10·4/5 = 90
    assert "90.00" in html


def test_blind_scoring_until_one_submits(world, client):
    call = world["evaluating"]
    call.refresh_from_db()
    second = make_evaluator(username="second_eva")
    other = services.evaluator_assign(actor=None, call=call, evaluator=second)
    for application in (world["own_app"], world["other_app"]):
        score_all(other, application, [4] * 7)
    services.evaluation_submit(actor=None, assignment=other)
    assignment = world["assignment"]
    client.force_login(assignment.evaluator)
    url = reverse("calls:evaluation_application", args=[assignment.pk, world["own_app"].pk])
    assert "second_evaの講評" not in client.get(url).content.decode()
    for application in (world["own_app"], world["other_app"]):
        score_all(assignment, application, [3] * 7)
    assert "second_evaの講評" not in client.get(url).content.decode()
    services.evaluation_submit(actor=None, assignment=assignment)
    assert "second_evaの講評" in client.get(url).content.decode()


def test_the_evaluator_declares_then_scores_through_the_pages(world, client):
    assignment = world["assignment"]
    application = world["own_app"]
    client.force_login(assignment.evaluator)
    url = reverse("calls:evaluation_application", args=[assignment.pk, application.pk])
    assert 'name="has_conflict"' in client.get(url).content.decode()
    client.post(url, {"has_conflict": "no"})
    criteria = list(assignment.call.criteria.all())
    data = {f"score_{c.pk}": "３" for c in criteria}  # full-width digits are accepted
    data[f"score_{criteria[0].pk}"] = "9"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "1から5" in response.content.decode()
    assert not assignment.scores.exists()
    data[f"score_{criteria[0].pk}"] = "5"
    client.post(url, data)
    assert sorted(assignment.scores.values_list("value", flat=True)) == [3] * 6 + [5]


def test_a_conflict_declared_in_the_page_hides_the_scoring_form(world, client):
    assignment = world["assignment"]
    client.force_login(assignment.evaluator)
    url = reverse("calls:evaluation_application", args=[assignment.pk, world["own_app"].pk])
    client.post(url, {"has_conflict": "yes", "note": "会員です"})
    html = client.get(url).content.decode()
    assert "score_" not in html
    assert "利害関係" in html


def test_applying_through_the_page_keeps_the_draft_on_errors(
    world, persona_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = persona_client("partner_member")
    call = world["open"]
    url = reverse("calls:application_new", args=[call.pk])
    partner = PartnerMembership.objects.get(user__username="p_partner").partner
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00")
    response = client.post(
        url,
        {
            "partner": partner.pk,
            "proposal": "海の清掃を提案します",
            "plan": "毎月",
            "budget_amount": "１２０，０００円",
            "attachment": bad,
            "action": "save",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "PDF" in html and "海の清掃を提案します" in html
    application = Application.objects.get(call=call, partner=partner)
    assert application.proposal == "海の清掃を提案します"
    assert application.budget_amount == 120_000

    detail = reverse("calls:application_detail", args=[application.pk])
    response = client.post(
        detail, {"proposal": "海の清掃を提案します", "plan": "毎月", "action": "confirm"}
    )
    confirm = reverse("calls:application_confirm", args=[application.pk])
    assert response["Location"] == confirm
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    response = client.post(confirm, {"confirmed_version": application.lock_version})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.receipt_number.startswith("K")


def test_a_late_submission_through_the_page_keeps_what_was_typed(world, persona_client):
    client = persona_client("partner_member")
    call = world["open"]
    url = reverse("calls:application_new", args=[call.pk])
    partner = PartnerMembership.objects.get(user__username="p_partner").partner
    # The deadline passed a second ago (server clock) while the applicant was typing.
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    response = client.post(
        url, {"partner": partner.pk, "proposal": "遅れた提案", "plan": "計画", "action": "submit"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "締切" in html and "遅れた提案" in html
    assert not Application.objects.filter(call=call, partner=partner).exists()


def test_receipt_lookup_accepts_full_width_input(world, persona_client):
    client = persona_client("coordinator")
    number = world["own_app"].receipt_number
    typed = number.translate(str.maketrans("0123456789-K", "０１２３４５６７８９－ｋ"))
    response = client.get(reverse("calls:receipt_lookup"), {"number": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("calls:application_detail", args=[world["own_app"].pk])
    response = client.get(reverse("calls:receipt_lookup"), {"number": "K1999-00001"})
    assert "見つかりません" in response.content.decode()


def test_criteria_form_refuses_weights_not_summing_to_100(world, persona_client):
    client = persona_client("coordinator")
    call = world["draft"]
    url = reverse("calls:criteria_edit", args=[call.pk])
    data = {
        "criteria-TOTAL_FORMS": "2",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-kind": "capability",
        "criteria-0-name": "実績",
        "criteria-0-weight": "６０",
        "criteria-0-max_score": "5",
        "criteria-1-kind": "proposal",
        "criteria-1-name": "提案",
        "criteria-1-weight": "30",
        "criteria-1-max_score": "5",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "100" in response.content.decode()
    assert call.criteria.count() == 7
    data["criteria-1-weight"] = "40"
    assert client.post(url, data).status_code == 302
    assert [c.weight for c in call.criteria.all()] == [60, 40]
    # Once open, the criteria page is closed.
    services.call_open(actor=None, call=call)
    response = client.get(url)
    assert response.status_code == 302


def test_coordinator_runs_a_call_through_the_pages(world, persona_client):
    client = persona_client("coordinator")
    project = world["draft"].project
    response = client.post(
        reverse("calls:call_create"),
        {
            "project": project.pk,
            "title": "新しい公募",
            "purpose": "目的",
            "eligibility": "資格",
            "budget_ceiling": "５０万",
            "selection_method": "both",
            "deadline": "2099-01-31T17:00",
        },
    )
    assert response.status_code == 200  # 「５０万」 is not an amount
    response = client.post(
        reverse("calls:call_create"),
        {
            "project": project.pk,
            "title": "新しい公募",
            "purpose": "目的",
            "eligibility": "資格",
            "budget_ceiling": "５００，０００",
            "selection_method": "both",
            "deadline": "2099-01-31T17:00",
        },
    )
    call = Call.objects.get(title="新しい公募")
    assert response["Location"] == reverse("calls:manage_detail", args=[call.pk])
    assert call.budget_ceiling == 500_000
    assert timezone.localtime(call.deadline).hour == 17
    client.post(reverse("calls:call_transition", args=[call.pk]), {"action": "open"})
    call.refresh_from_db()
    assert call.status == "open"
    response = client.post(
        reverse("calls:call_transition", args=[call.pk]), {"action": "close"}, follow=True
    )
    assert "締切" in response.content.decode()


def test_grants_page_warns_about_repeated_funding(db, persona_client):
    from datetime import date

    partner = applicant()
    client = persona_client("coordinator")
    for year in (2023, 2024):
        services.grant_record(
            actor=None,
            partner=partner,
            purpose="見守り活動補助",
            amount=1,
            term_start=date(year, 4, 1),
            term_end=date(year + 1, 3, 31),
        )
    response = client.post(
        reverse("calls:grant_list"),
        {
            "partner": partner.pk,
            "purpose": "見守り活動補助",
            "amount": "２０万",
            "term_start": "2025-04-01",
            "term_end": "2026-03-31",
            "disclosure_status": "pending",
        },
    )
    assert response.status_code == 200  # 「２０万」 is refused, the form is shown again
    response = client.post(
        reverse("calls:grant_list"),
        {
            "partner": partner.pk,
            "purpose": "見守り活動補助",
            "amount": "200,000",
            "term_start": "2025-04-01",
            "term_end": "2026-03-31",
            "disclosure_status": "pending",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "3年度連続" in html
    response = client.post(
        reverse("calls:grant_list"),
        {
            "partner": partner.pk,
            "purpose": "x",
            "amount": "1",
            "term_start": "2025-04-01",
            "term_end": "2025-03-31",
            "disclosure_status": "pending",
        },
    )
    assert "終了日" in response.content.decode()


def test_the_admin_site_shows_calls_read_only(world, persona_client):
    client = persona_client("administrator")
    for name in ("call", "application", "grant"):
        assert client.get(reverse(f"admin:calls_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:calls_call_add")).status_code == 403
