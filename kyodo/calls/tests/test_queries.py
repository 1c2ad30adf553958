"""Each list page runs a fixed number of queries whatever the amount of data (pinned here with
two data sizes, 3 and 30)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.calls import services
from kyodo.calls.models import Call
from kyodo.calls.tests.factories import (
    applicant,
    forming_project,
    make_call,
    make_evaluator,
    score_all,
    submit,
    to_evaluation,
)
from kyodo.partners.tests.factories import membership


def _evaluating_call(i, size, *, evaluator, partner_member, prefix, now):
    """A call under evaluation with `size` applications (the first by an organisation of the
    persona partner member), scored and submitted by the persona evaluator and another one."""
    call = make_call(forming_project(title=f"審査{i}"), title=f"審査中{prefix}{i}")
    applications = [submit(call, applicant(f"団体{i}-{j}")) for j in range(size)]
    membership(applications[0].partner, partner_member)
    Call.objects.filter(pk=call.pk).update(deadline=now - timedelta(minutes=1))
    call.refresh_from_db()
    for assignment in to_evaluation(call, [evaluator, make_evaluator()], after=now):
        for application in applications:
            score_all(assignment, application, [3] * 7)
        services.evaluation_submit(actor=None, assignment=assignment)
    return call, applications


def build(n: int, *, evaluator, partner_member, prefix=""):
    """n calls in each state; the ranked (and published) call has n applications, the others
    one each; n organisations with three years of grants each."""
    now = timezone.now()
    for i in range(n):
        make_call(forming_project(title=f"募集{i}"), title=f"募集中{i}")
        size = n if i == 0 else 1
        call, applications = _evaluating_call(
            i, size, evaluator=evaluator, partner_member=partner_member, prefix=prefix, now=now
        )
        if i == 0:
            services.call_decide(actor=None, call=call, selected=applications[:1], reason="r")
            services.call_publish_result(actor=None, call=call)
        grant_partner = applications[-1].partner if i == 0 else applicant(f"補助先{i}")
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
    return {"ranked": ranked, "published": ranked, "assignment": assignment}


PAGES = [
    # (persona, url builder, pinned number of queries)
    # A person's roles and row are kept until a record changes (accounts.models.User.role_names,
    # accounts.backends.KeptUserBackend): two queries less on every page of a person signed in.
    # Fetching the call once (not in the decorator and again in the view): 9 → 8.
    ("coordinator", lambda d: reverse("calls:ranking", args=[d["ranked"].pk]), 6),
    ("coordinator", lambda d: reverse("calls:manage_list"), 3),
    ("coordinator", lambda d: reverse("calls:manage_detail", args=[d["ranked"].pk]), 8),
    ("coordinator", lambda d: reverse("calls:grant_list"), 7),
    # Public pages: plus their ETag (newest change and the calls open now; the call's row).
    # Issue 19: the list without the criteria it does not show (open calls, results): 7 → 5.
    # (With the page cache on, a miss no longer asks for the next deadline either: the expiry
    # is read from the rows shown.)
    ("anonymous", lambda d: reverse("calls:public_list"), 5),
    ("anonymous", lambda d: reverse("calls:public_result", args=[d["published"].pk]), 6),
    ("partner_member", lambda d: reverse("calls:my_applications"), 6),
    # The partner home gathers the panels of partners, projects, cycles and calls (whether
    # each side has verified a cycle is a column of the cycles' query: 13 → 12; roles: 11;
    # the person's row: 10).
    ("partner_member", lambda d: reverse("accounts:partner_home"), 10),
    ("evaluator", lambda d: reverse("calls:evaluation_queue"), 3),
    # The assignment fetched once: 12 → 11.
    ("evaluator", lambda d: reverse("calls:evaluation_detail", args=[d["assignment"].pk]), 9),
    ("evaluator", lambda d: reverse("accounts:evaluator_home"), 3),
]


@pytest.mark.usefixtures("no_page_cache")
def test_query_counts_do_not_grow(persona_client, evaluator, partner_member, coordinator):
    """The data is built once per size (building is slow); every page is measured on it."""
    measured = {url_index: [] for url_index in range(len(PAGES))}
    for n in (3, 30):
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
