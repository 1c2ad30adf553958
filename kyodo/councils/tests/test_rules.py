"""Who may do what, for every persona (the rules of rules.py, asked as the pages ask them)."""

import pytest

from kyodo.accounts.tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

EDITORS = {"coordinator", "staff_a"}
CITY = {"coordinator", "staff_a", "staff_b"}


def user_of(request, persona):
    if persona == "anonymous":
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser()
    return request.getfixturevalue(persona)


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_side_permissions(request, world, persona):
    user = user_of(request, persona)
    council = world["council"]
    assert user.has_perm("councils.view_council", council) is (persona in CITY)
    assert user.has_perm("councils.edit_council", council) is (persona in EDITORS)
    assert user.has_perm("councils.edit_council", world["meeting"]) is (persona in EDITORS)
    assert user.has_perm("councils.edit_council", world["followup"]) is (persona in EDITORS)
    assert user.has_perm("councils.view_contacts", council) is (persona in CITY)
    assert user.has_perm("councils.add_council") is (persona in CITY)
    assert user.has_perm("councils.view_hollow_list") is (persona == "coordinator")


@pytest.mark.parametrize("persona", PERSONAS)
def test_followups_are_read_by_the_city_and_the_organisations_sitting_on_it(
    request, world, persona
):
    user = user_of(request, persona)
    expected = persona in CITY | {"partner_member"}
    assert user.has_perm("councils.view_followups", world["council"]) is expected
    # Their organisation does not sit on the hidden council.
    hidden = persona in CITY
    assert user.has_perm("councils.view_followups", world["hidden"]) is hidden


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_parts_are_for_everyone(request, world, persona):
    user = user_of(request, persona)
    assert user.has_perm("councils.view_public_council", world["council"])
    assert not user.has_perm("councils.view_public_council", world["hidden"])
    assert user.has_perm("councils.view_public_meeting", world["meeting"])
    assert not user.has_perm("councils.view_public_meeting", world["closed"])


@pytest.mark.parametrize("persona", PERSONAS)
def test_minutes_phases(request, world, persona):
    user = user_of(request, persona)
    closed = world["closed"]  # approved, closed: neither edited nor published
    assert not user.has_perm("councils.edit_minutes", closed)
    assert not user.has_perm("councils.publish_minutes", closed)
    meeting = world["meeting"]  # public, no minutes yet
    assert user.has_perm("councils.edit_minutes", meeting) is (persona in EDITORS)
    assert not user.has_perm("councils.approve_minutes", meeting)
