"""The rules of voices, persona by persona (kyodo/voices/rules.py), on an opinion assigned to
department A, its reply, and surveys of department A in each phase."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.voices import services
from kyodo.voices.tests.factories import assigned, make_survey, open_survey, question

pytestmark = pytest.mark.django_db

HANDLERS = {"coordinator", "staff_a"}
CITY = {"coordinator", "staff_a", "staff_b"}
EVERYONE = set(PERSONAS)


def user_of(request, persona):
    return AnonymousUser() if persona == "anonymous" else request.getfixturevalue(persona)


@pytest.fixture
def objects(department_a):
    opinion = assigned(department_a)
    reply = services.reply_draft(actor=None, opinions=[opinion], body="r", reflection="future")
    opinion.refresh_from_db()
    draft = make_survey(versions=[question("r1")], department=department_a)
    running = open_survey(versions=[question("r2")], department=department_a)
    closed = open_survey(versions=[question("r3")], department=department_a)
    closed = services.survey_close(actor=None, survey=closed)
    return {"opinion": opinion, "reply": reply, "draft": draft, "open": running, "closed": closed}


CASES = [
    ("voices.send_opinion", None, EVERYONE),
    ("voices.manage_opinions", None, CITY),
    ("voices.view_opinion", "opinion", HANDLERS),
    ("voices.assign_opinion", "opinion", {"coordinator"}),
    ("voices.edit_reply", "reply", HANDLERS),
    ("voices.approve_reply", "reply", {"coordinator"}),
    ("voices.publish_opinion", "opinion", set()),  # not replied yet
    ("voices.manage_approvers", None, {"coordinator"}),
    ("voices.manage_surveys", None, CITY),
    ("voices.manage_survey", "draft", HANDLERS),
    ("voices.edit_survey", "draft", HANDLERS),
    ("voices.edit_survey", "open", set()),  # published: frozen
    ("voices.view_survey", "draft", HANDLERS),
    ("voices.view_survey", "open", EVERYONE),
    ("voices.answer_survey", "open", EVERYONE),
    ("voices.answer_survey", "closed", set()),
    ("voices.view_results", "open", HANDLERS),  # hidden until closing
    ("voices.view_results", "closed", EVERYONE),
    ("voices.close_survey", "open", HANDLERS),
    ("voices.close_survey", "closed", set()),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("perm", "target", "allowed"), CASES)
def test_who_may_do_what(request, objects, persona, perm, target, allowed):
    user = user_of(request, persona)
    obj = objects[target] if target else None
    assert user.has_perm(perm, obj) == (persona in allowed)
