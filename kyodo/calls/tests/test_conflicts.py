"""Conflicts of interest are enforced on reading (issue 12.1).

An evaluator reads an application's content and attachments only after declaring no conflict
with it; with a conflict they see only who applied and that they are excluded; the others'
scores and comments only on applications they scored themselves, after submitting.
"""

import pytest
from django.urls import reverse

from kyodo.calls import services
from kyodo.calls.models import Application
from kyodo.calls.tests.factories import (
    ATTACHMENT_NAME,
    CALL_PERSONAS,
    PROPOSAL_SENTINEL,
    make_evaluator,
    score_all,
)

# Who reads the application of the persona partner member's organisation in the world as
# built: the evaluator has not declared anything yet, the conflicted one declared a conflict.
READERS = {"coordinator", "partner_member"}
EVALUATORS = {"evaluator": "assignment", "conflicted_evaluator": "conflicted_assignment"}


def _denied(response) -> bool:
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    )


@pytest.mark.parametrize("persona", CALL_PERSONAS)
def test_who_reads_an_application(world, persona_client, persona):
    client = persona_client(persona)
    application = world["own_app"]
    detail = client.get(reverse("calls:application_detail", args=[application.pk]))
    download = client.get(reverse("calls:attachment_download", args=[world["attachment"].pk]))
    pages = [detail]
    if persona in EVALUATORS:
        assignment = world[EVALUATORS[persona]]
        url = reverse("calls:evaluation_application", args=[assignment.pk, application.pk])
        pages.append(client.get(url))
    for page in pages:
        html = page.content.decode() if page.status_code == 200 else ""
        assert (PROPOSAL_SENTINEL in html) == (persona in READERS), (persona, page)
        assert (ATTACHMENT_NAME in html) == (persona in READERS), (persona, page)
        if persona in EVALUATORS:
            # Who applied, and why nothing more is shown.
            assert page.status_code == 200
            assert application.partner.name in html and application.receipt_number in html
            if persona == "conflicted_evaluator":
                assert "除外" in html
            else:
                assert "申告" in html
    if persona in READERS:
        assert download.status_code == 200
    else:
        assert _denied(download), (persona, download.status_code)


def test_the_declaration_form_comes_before_the_content(world, persona_client):
    client = persona_client("evaluator")
    assignment, application = world["assignment"], world["own_app"]
    url = reverse("calls:evaluation_application", args=[assignment.pk, application.pk])
    html = client.get(url).content.decode()
    assert 'name="has_conflict"' in html and PROPOSAL_SENTINEL not in html
    client.post(url, {"has_conflict": "no"})
    html = client.get(url).content.decode()
    assert PROPOSAL_SENTINEL in html and ATTACHMENT_NAME in html
    detail = client.get(reverse("calls:application_detail", args=[application.pk]))
    assert PROPOSAL_SENTINEL in detail.content.decode()
    download = client.get(reverse("calls:attachment_download", args=[world["attachment"].pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_a_conflicted_evaluator_never_sees_the_others_work_on_it(world, persona_client):
    call = world["evaluating"]
    own, other = world["own_app"], world["other_app"]
    colleague = services.evaluator_assign(
        actor=None, call=call, evaluator=make_evaluator(username="colleague")
    )
    for application in (own, other):
        score_all(colleague, application, [4] * 7)
    services.evaluation_submit(actor=None, assignment=colleague)
    conflicted = world["conflicted_assignment"]
    score_all(conflicted, other, [3] * 7)
    services.evaluation_submit(actor=None, assignment=conflicted)

    client = persona_client("conflicted_evaluator")
    on_other = client.get(reverse("calls:evaluation_application", args=[conflicted.pk, other.pk]))
    assert "colleagueの講評" in on_other.content.decode()  # scored it, submitted: shown
    on_own = client.get(reverse("calls:evaluation_application", args=[conflicted.pk, own.pk]))
    html = on_own.content.decode()
    assert "colleagueの講評" not in html and PROPOSAL_SENTINEL not in html
    assert "除外" in html
    detail = client.get(reverse("calls:evaluation_detail", args=[conflicted.pk]))
    assert [row.application for row in detail.context["rows"]] == [other]


def _state(world, state):
    """The persona evaluator's assignment, brought to `state` for the application `own_app`."""
    assignment, own, other = world["assignment"], world["own_app"], world["other_app"]
    if state in ("no_conflict", "submitted"):
        services.conflict_declare(
            actor=None, assignment=assignment, application=own, has_conflict=False
        )
    if state == "conflict":
        services.conflict_declare(
            actor=None, assignment=assignment, application=own, has_conflict=True
        )
    if state == "submitted":
        score_all(assignment, own, [3] * 7)
        score_all(assignment, other, [3] * 7)
        services.evaluation_submit(actor=None, assignment=assignment)
    return assignment, Application.objects.get(pk=own.pk)


@pytest.mark.parametrize(
    ("state", "reads", "sees_others"),
    [
        ("undeclared", False, False),
        ("no_conflict", True, False),
        ("conflict", False, False),
        ("submitted", True, True),
    ],
)
def test_the_rules_for_each_state(world, evaluator, state, reads, sees_others):
    _assignment, application = _state(world, state)
    attachment = application.attachments.get()
    assert evaluator.has_perm("calls.view_application", application)  # who applied: always
    assert evaluator.has_perm("calls.read_application", application) is reads
    assert evaluator.has_perm("calls.view_attachment", attachment) is reads
    assert evaluator.has_perm("calls.view_others_scores_on", application) is sees_others


def test_the_rules_of_a_conflicted_evaluator_after_submitting(world, conflicted_evaluator):
    conflicted, own, other = world["conflicted_assignment"], world["own_app"], world["other_app"]
    score_all(conflicted, other, [3] * 7)
    services.evaluation_submit(actor=None, assignment=conflicted)
    own, other = (Application.objects.get(pk=a.pk) for a in (own, other))
    assert not conflicted_evaluator.has_perm("calls.read_application", own)
    assert not conflicted_evaluator.has_perm("calls.view_others_scores_on", own)
    assert conflicted_evaluator.has_perm("calls.view_others_scores_on", other)
    # Another call's evaluator reads nothing, whatever they declared elsewhere.
    assert not make_evaluator().has_perm("calls.read_application", own)
