"""Adding, inviting and removing the member accounts of an organisation."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.partners import services
from kyodo.partners.models import PartnerMembership
from kyodo.partners.tests.factories import PartnerFactory, membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(db):
    return PartnerFactory(name="桂ボランティアの会")


@pytest.fixture
def newcomer(db):
    """Someone with an account and no role yet, e.g. created by the administrator."""
    return UserFactory(username="newcomer", email="newcomer@example.jp")


def fresh(user):
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("actor_name", ["coordinator", "administrator"])
def test_adding_a_member_gives_the_role_and_is_in_history(request, partner, newcomer, actor_name):
    actor = request.getfixturevalue(actor_name)
    added = services.partner_membership_add(actor=actor, partner=partner, user=newcomer)
    assert added.history.first().history_user == actor
    user = fresh(newcomer)
    assert user.roles == [Role.PARTNER_MEMBER]
    assert user.history.first().history_user == actor
    assert user.has_perm("partners.change_partner", partner)
    # Adding the same person again changes nothing.
    again = services.partner_membership_add(actor=actor, partner=partner, user=newcomer)
    assert again == added
    assert PartnerMembership.objects.filter(user=newcomer).count() == 1


def test_an_evaluator_keeps_their_role_as_a_member(coordinator, partner, evaluator):
    services.partner_membership_add(actor=coordinator, partner=partner, user=evaluator)
    assert fresh(evaluator).roles == [Role.PARTNER_MEMBER, Role.EVALUATOR]


@pytest.mark.parametrize("persona", ["staff_a", "partner_member", "evaluator", "outsider"])
def test_only_coordinators_and_administrators_manage_members(request, persona, partner, newcomer):
    actor = request.getfixturevalue(persona)
    membership(partner, actor)  # even a member of the organisation itself
    with pytest.raises(PermissionDenied):
        services.partner_membership_add(actor=actor, partner=partner, user=newcomer)
    with pytest.raises(PermissionDenied):
        services.partner_member_invite(
            actor=actor, partner=partner, display_name="新人", email="new@example.jp"
        )
    with pytest.raises(PermissionDenied):
        services.partner_membership_remove(actor=actor, membership=membership(partner, newcomer))
    assert PartnerMembership.objects.filter(user=newcomer).exists()


@pytest.mark.parametrize("persona", ["staff_a", "coordinator", "administrator"])
def test_city_accounts_cannot_become_members(request, coordinator, partner, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(ValidationError) as caught:
        services.partner_membership_add(actor=coordinator, partner=partner, user=user)
    assert caught.value.code == "city_account"
    assert not PartnerMembership.objects.exists()


def test_disabled_accounts_cannot_become_members(coordinator, partner, newcomer):
    newcomer.is_active = False
    newcomer.save()
    with pytest.raises(ValidationError) as caught:
        services.partner_membership_add(actor=coordinator, partner=partner, user=newcomer)
    assert caught.value.code == "inactive_account"


def test_removing_the_last_organisation_takes_the_role(coordinator, partner, partner_member):
    other = PartnerFactory(name="潮見町内会")
    first = services.partner_membership_add(actor=coordinator, partner=partner, user=partner_member)
    second = services.partner_membership_add(actor=coordinator, partner=other, user=partner_member)

    services.partner_membership_remove(actor=coordinator, membership=first)
    user = fresh(partner_member)
    assert user.is_active and user.roles == [Role.PARTNER_MEMBER]
    assert not user.has_perm("partners.change_partner", partner)
    assert user.has_perm("partners.change_partner", other)

    second_id = second.pk  # delete() forgets it
    services.partner_membership_remove(actor=coordinator, membership=second)
    user = fresh(partner_member)
    assert user.is_active, "the account is kept"
    assert user.roles == []
    assert not user.has_perm("partners.view_partner", other)
    # The removal is in the membership's history, by whom.
    removed = PartnerMembership.history.filter(id=second_id, history_type="-").get()
    assert removed.history_user == coordinator
    assert user.history.first().history_user == coordinator


def test_removing_keeps_the_other_roles(coordinator, partner, evaluator):
    added = services.partner_membership_add(actor=coordinator, partner=partner, user=evaluator)
    services.partner_membership_remove(actor=coordinator, membership=added)
    assert fresh(evaluator).roles == [Role.EVALUATOR]


def test_inviting_creates_an_account_and_mails_a_password_link(
    coordinator, partner, mailoutbox, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.partner_member_invite(
            actor=coordinator,
            partner=partner,
            display_name="桂 みどり",
            display_name_kana="カツラ ミドリ",
            email="  Midori.Katsura@Example.JP ",
        )
    user = fresh(invited.user)
    assert user.username == user.email == "midori.katsura@example.jp"
    assert user.display_name == "桂 みどり"
    assert user.roles == [Role.PARTNER_MEMBER]
    assert not user.has_usable_password()
    assert user.history.first().history_user == coordinator
    assert invited.history.first().history_user == coordinator

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["midori.katsura@example.jp"]
    assert "桂ボランティアの会" in mail.subject
    assert "midori.katsura@example.jp" in mail.body  # the account name
    link = next(line for line in mail.body.splitlines() if "/accounts/password/set/" in line)
    response = client.get(urlsplit(link).path, follow=True)
    assert response.context["validlink"]


def test_an_invitation_rolled_back_sends_nothing(
    coordinator, partner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        services.partner_member_invite(
            actor=coordinator, partner=partner, display_name="新人", email="new@example.jp"
        )
    # The callbacks run only on commit; a test transaction never commits.
    assert len(callbacks) == 1
    assert mailoutbox == []


def test_an_address_already_in_use_is_refused(coordinator, partner, newcomer):
    with pytest.raises(ValidationError) as caught:
        services.partner_member_invite(
            actor=coordinator, partner=partner, display_name="別人", email="NEWCOMER@example.jp"
        )
    assert "email" in caught.value.message_dict
    assert User.objects.filter(email__iexact="newcomer@example.jp").count() == 1


def test_an_address_that_cannot_be_an_account_name_gets_another(coordinator, partner, newcomer):
    newcomer.username = "taken@example.jp"
    newcomer.email = "someone-else@example.jp"
    newcomer.save()
    for email in ("taken@example.jp", "o'brien@example.jp"):
        invited = services.partner_member_invite(
            actor=coordinator, partner=partner, display_name="招待 者", email=email
        )
        assert invited.user.username.startswith("member-")
        assert invited.user.email == email


def test_a_new_link_only_for_members_without_a_password(
    coordinator, partner, partner_member, mailoutbox, django_capture_on_commit_callbacks
):
    invited = services.partner_member_invite(
        actor=coordinator, partner=partner, display_name="新人", email="new@example.jp"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.partner_member_invite_resend(actor=coordinator, membership=invited)
    assert [mail.to for mail in mailoutbox] == [["new@example.jp"]]
    with pytest.raises(ValidationError):
        services.partner_member_invite_resend(
            actor=coordinator, membership=membership(partner, partner_member)
        )
    with pytest.raises(PermissionDenied):
        services.partner_member_invite_resend(actor=partner_member, membership=invited)
    invited.user.is_active = False
    invited.user.save()
    with pytest.raises(ValidationError) as caught:
        services.partner_member_invite_resend(actor=coordinator, membership=invited)
    assert caught.value.code == "cannot_send"
