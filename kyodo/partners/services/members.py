"""The member accounts of an organisation (団体ユーザー): add, invite, remove."""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kyodo.accounts.passwords import password_set_link_days, password_set_url
from kyodo.accounts.roles import Role
from kyodo.accounts.services import user_create, user_set_roles
from kyodo.core.normalize import normalize_email
from kyodo.core.permissions import require_perm
from kyodo.partners.models import (
    Partner,
    PartnerMembership,
)
from kyodo.partners.selectors import users_with_email
from kyodo.partners.services.profiles import _attribute_history

# --- Member accounts (団体ユーザー) --------------------------------------------------------------

# Roles of the city's own people: their accounts never act for a partner organisation.
CITY_ROLES = {Role.ADMINISTRATOR.value, Role.COORDINATOR.value, Role.STAFF.value}


def _check_member_account(user) -> None:
    if not user.is_active:
        raise ValidationError(
            _("This account is disabled. Ask the system administrator to enable it first."),
            code="inactive_account",
        )
    if user.is_staff or user.is_superuser or user.role_names & CITY_ROLES:
        raise ValidationError(
            _("This is an account of the city: city staff cannot act for a partner organisation."),
            code="city_account",
        )


def _forget_partner_ids(user) -> None:
    # kyodo.partners.rules caches the user's organisations on the instance.
    user.__dict__.pop("_partner_ids", None)


@transaction.atomic
def partner_membership_add(*, actor, partner: Partner, user) -> PartnerMembership:
    """Let `user` act for `partner`, giving them the partner-member role if they lack it.

    Adding someone who is already a member changes nothing (sample data is seeded twice).
    """
    require_perm(actor, "partners.manage_members", partner)
    existing = partner.memberships.filter(user=user).first()
    if existing is not None:
        return existing
    _check_member_account(user)
    membership = PartnerMembership(partner=partner, user=user)
    _attribute_history(membership, actor)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        # The same person added by a second request at the same moment (a double click).
        return partner.memberships.get(user=user)
    if Role.PARTNER_MEMBER not in user.roles:
        user_set_roles(actor=actor, user=user, roles=[*user.roles, Role.PARTNER_MEMBER])
    _forget_partner_ids(user)
    return membership


@transaction.atomic
def partner_membership_remove(*, actor, membership: PartnerMembership) -> None:
    """The person keeps their account but no longer acts for the organisation (nor sees its
    projects); belonging to no organisation any more, they also lose the partner-member role.
    """
    require_perm(actor, "partners.manage_members", membership.partner)
    user = membership.user
    _attribute_history(membership, actor)
    membership.delete()
    _forget_partner_ids(user)
    if Role.PARTNER_MEMBER in user.roles and not user.partner_memberships.exists():
        roles = [role for role in user.roles if role != Role.PARTNER_MEMBER]
        user_set_roles(actor=actor, user=user, roles=roles)


def _username_for(email: str) -> str:
    """The account name of an invited person: their address when it can be one, else random."""
    User = get_user_model()
    try:
        User.username_validator(email)
    except ValidationError:
        pass
    else:
        if len(email) <= 150 and not User.objects.filter(username=email).exists():
            return email
    return f"member-{uuid.uuid4().hex[:12]}"


@transaction.atomic
def partner_member_invite(
    *, actor, partner: Partner, display_name: str, email: str, display_name_kana: str = ""
) -> PartnerMembership:
    """Create a partner-member account for `partner` and e-mail its password-set link."""
    require_perm(actor, "partners.manage_members", partner)
    email = normalize_email(email)
    if users_with_email(email).exists():
        raise ValidationError(
            {"email": _("An account with this e-mail address already exists: add that account.")},
            code="email_taken",
        )
    user = user_create(
        actor=actor,
        username=_username_for(email),
        password=None,
        display_name=display_name.strip(),
        display_name_kana=display_name_kana,
        email=email,
        roles=[Role.PARTNER_MEMBER],
    )
    membership = partner_membership_add(actor=actor, partner=partner, user=user)
    _send_invitation_on_commit(membership)
    return membership


def partner_member_invite_resend(*, actor, membership: PartnerMembership) -> None:
    """Send a new password-set link to a member who has not chosen a password yet."""
    require_perm(actor, "partners.manage_members", membership.partner)
    user = membership.user
    if user.has_usable_password():
        raise ValidationError(
            _("This member has already chosen a password: nothing was sent."),
            code="password_already_set",
        )
    if not user.is_active or not user.email:
        raise ValidationError(
            _("This account is disabled or has no e-mail address: nothing was sent."),
            code="cannot_send",
        )
    _send_invitation_on_commit(membership)


def _send_invitation_on_commit(membership: PartnerMembership) -> None:
    user, partner = membership.user, membership.partner
    # Only once the account really exists; a failed sending is logged, not shown as an error
    # page, and the member list offers to send the link again.
    transaction.on_commit(lambda: _send_invitation(user, partner), robust=True)


def _send_invitation(user, partner: Partner) -> None:
    # The invited person reads Japanese, whatever language the coordinator uses.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "partner": partner,
            "link": password_set_url(user),
            "days": password_set_link_days(),
            "site_url": settings.KYODO_SITE_URL,
        }
        subject = render_to_string("partners/email/invitation_subject.txt", context).strip()
        body = render_to_string("partners/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])
