"""The member accounts of an organisation (団体ユーザー): list, add, invite, remove.

Who may see and manage them is declared in kyodo/partners/rules.py (`view_members`,
`manage_members`); the services check the same rules again.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.permissions import get_object_for, permission_required
from kyodo.partners import selectors, services
from kyodo.partners.forms import MemberAddForm, MemberInviteForm
from kyodo.partners.models import Partner


def _partner(request, partner_id):
    # The decorator and the view both need the partner: fetch it once per request.
    cached = getattr(request, "_partner", None)
    if cached is None or cached.pk != partner_id:
        cached = get_object_for(
            request.user, "partners.view_members", Partner.objects.all(), pk=partner_id
        )
        request._partner = cached
    return cached


def _get_partner(request, partner_id, **kwargs):
    # Anonymous visitors are sent to log in rather than told that nothing is here.
    if not request.user.is_authenticated:
        return None
    return _partner(request, partner_id)


def _membership(request, partner_id, membership_id):
    membership = (
        selectors.partner_members(_partner(request, partner_id)).filter(pk=membership_id).first()
    )
    if membership is None:
        raise Http404
    return membership


def _render(request, partner, add_form=None, invite_form=None):
    can_manage = request.user.has_perm("partners.manage_members", partner)
    return render(
        request,
        "partners/members.html",
        {
            "partner": partner,
            "tab": "members",
            "can_view_profile": request.user.has_perm("partners.view_partner", partner),
            "can_manage": can_manage,
            "memberships": selectors.partner_members(partner),
            "add_form": add_form or MemberAddForm(partner=partner, prefix="add"),
            "invite_form": invite_form or MemberInviteForm(prefix="invite"),
        },
    )


@permission_required("partners.view_members", get_object=_get_partner)
def member_list(request, partner_id):
    return _render(request, _partner(request, partner_id))


@require_POST
@permission_required("partners.manage_members", get_object=_get_partner)
def member_add(request, partner_id):
    partner = _partner(request, partner_id)
    form = MemberAddForm(request.POST, partner=partner, prefix="add")
    if form.is_valid():
        try:
            services.partner_membership_add(actor=request.user, partner=partner, user=form.user)
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(request, _("%(name)s was added to the members.") % {"name": form.user})
            return redirect("partners:members", partner_id=partner.pk)
    return _render(request, partner, add_form=form)


@require_POST
@permission_required("partners.manage_members", get_object=_get_partner)
def member_invite(request, partner_id):
    partner = _partner(request, partner_id)
    form = MemberInviteForm(request.POST, prefix="invite")
    if form.is_valid():
        try:
            membership = services.partner_member_invite(
                actor=request.user, partner=partner, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The account of %(name)s was created and a link to choose a password was sent.")
                % {"name": membership.user},
            )
            return redirect("partners:members", partner_id=partner.pk)
    return _render(request, partner, invite_form=form)


@permission_required("partners.manage_members", get_object=_get_partner)
def member_remove(request, partner_id, membership_id):
    """A confirmation page first: removing someone takes their access to the projects."""
    membership = _membership(request, partner_id, membership_id)
    if request.method == "POST":
        services.partner_membership_remove(actor=request.user, membership=membership)
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
        return redirect("partners:members", partner_id=partner_id)
    partner = membership.partner
    return render(
        request,
        "partners/member_remove.html",
        {
            "partner": partner,
            "membership": membership,
            "last_member": not partner.memberships.exclude(pk=membership.pk).exists(),
            "loses_role": not membership.user.partner_memberships.exclude(
                pk=membership.pk
            ).exists(),
        },
    )


@require_POST
@permission_required("partners.manage_members", get_object=_get_partner)
def member_invite_resend(request, partner_id, membership_id):
    membership = _membership(request, partner_id, membership_id)
    try:
        services.partner_member_invite_resend(actor=request.user, membership=membership)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("A new link to choose a password was sent to %(email)s.")
            % {"email": membership.user.email},
        )
    return redirect("partners:members", partner_id=partner_id)
