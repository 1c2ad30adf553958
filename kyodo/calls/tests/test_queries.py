"""Each list page runs a fixed number of queries whatever the amount of data (pinned here with
two data sizes)."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.calls import services
from kyodo.calls.models import Call
from kyodo.calls.tests.factories import (
    make_call,
    make_evaluator,
    make_partner,
    make_project,
    score_all,
    submit,
    to_evaluation,
)
from kyodo.partners.models import PartnerMembership


def build(n: int, *, evaluator, partner_member, prefix=""):
    """n calls in each state, each with n applications and two evaluators (one the persona)."""
    now = timezone.now()
    published = None
    for i in range(n):
        make_call(make_project(title=f"募集{i}"), title=f"募集中{i}")
        call = make_call(make_project(title=f"審査{i}"), title=f"審査中{prefix}{i}")
        applications = [submit(call, make_partner(f"団体{i}-{j}")) for j in range(n)]
        PartnerMembership.objects.create(partner=applications[0].partner, user=partner_member)
        Call.objects.filter(pk=call.pk).update(deadline=now - timedelta(minutes=1))
        call.refresh_from_db()
        assignments = to_evaluation(call, [evaluator, make_evaluator()], after=now)
        for assignment in assignments:
            for application in applications:
                score_all(assignment, application, [3] * 7)
            services.evaluation_submit(actor=None, assignment=assignment)
        if published is None:
            services.call_decide(actor=None, call=call, selected=applications[:1], reason="r")
            services.call_publish_result(actor=None, call=call)
            published = call
        grant_partner = applications[-1].partner
        for year in (2022, 2023, 2024):
            services.grant_record(
                actor=None,
                partner=grant_partner,
                purpose="補助",
                amount=1,
                term_start=date(year, 4, 1),
                term_end=date(year + 1, 3, 31),
            )
    ranked = Call.objects.get(title=f"審査中{prefix}0")
    assignment = ranked.assignments.get(evaluator=evaluator)
    return {"ranked": ranked, "published": published, "assignment": assignment}


PAGES = [
    # (persona, url builder, pinned number of queries)
    ("coordinator", lambda d: reverse("calls:ranking", args=[d["ranked"].pk]), 9),
    ("coordinator", lambda d: reverse("calls:manage_list"), 5),
    ("coordinator", lambda d: reverse("calls:manage_detail", args=[d["ranked"].pk]), 11),
    ("coordinator", lambda d: reverse("calls:grant_list"), 9),
    # Public pages: plus their ETag (newest change and the calls open now; the call's row).
    ("anonymous", lambda d: reverse("calls:public_list"), 7),
    ("anonymous", lambda d: reverse("calls:public_result", args=[d["published"].pk]), 6),
    ("partner_member", lambda d: reverse("calls:my_applications"), 8),
    # The partner home gathers the panels of partners, projects, cycles and calls.
    ("partner_member", lambda d: reverse("accounts:partner_home"), 12),
    ("evaluator", lambda d: reverse("calls:evaluation_queue"), 5),
    ("evaluator", lambda d: reverse("calls:evaluation_detail", args=[d["assignment"].pk]), 12),
    ("evaluator", lambda d: reverse("accounts:evaluator_home"), 5),
]


def test_query_counts_do_not_grow(persona_client, evaluator, partner_member, coordinator):
    """The data is built once per size (building is slow); every page is measured on it."""
    measured = {url_index: [] for url_index in range(len(PAGES))}
    for n in (1, 2):
        data = build(n, evaluator=evaluator, partner_member=partner_member, prefix=str(n))
        for url_index, (persona, url, _pinned) in enumerate(PAGES):
            client = persona_client(persona)
            if persona == "anonymous":
                client.logout()  # the fixture shares one client between personas
            target = url(data)
            client.get(target)  # warm the session
            with CaptureQueriesContext(connection) as captured:
                response = client.get(target)
            assert response.status_code == 200, target
            measured[url_index].append(len(captured))
    pinned = {url_index: [count, count] for url_index, (_p, _u, count) in enumerate(PAGES)}
    assert measured == pinned
