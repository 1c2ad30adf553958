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

from kyodo.core.forms import apply_service_error
from kyodo.partners import selectors, services
from kyodo.partners.forms import MemberAddForm, MemberInviteForm
from kyodo.partners.views.access import members_view


def _membership(partner, membership_id):
    membership = selectors.partner_members(partner).filter(pk=membership_id).first()
    if membership is None:
        raise Http404
    membership.partner = partner  # the services check the rule on the partner already read
    return membership


def _render(request, partner, add_form=None, invite_form=None):
    can_manage = request.user.has_perm("partners.manage_members", partner)
    find = request.GET.get("find", "")[:100] if can_manage else ""
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
            "find": find,
            "found": selectors.accounts_named(find, partner) if find.strip() else None,
        },
    )


@members_view()
def member_list(request, partner):
    return _render(request, partner)


@require_POST
@members_view("partners.manage_members")
def member_add(request, partner):
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
@members_view("partners.manage_members")
def member_invite(request, partner):
    form = MemberInviteForm(request.POST, prefix="invite")
    if form.is_valid():
        try:
            membership = services.partner_member_invite(
                actor=request.user, partner=partner, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(
                request,
                _("The account of %(name)s was created and a link to choose a password was sent.")
                % {"name": membership.user},
            )
            return redirect("partners:members", partner_id=partner.pk)
    return _render(request, partner, invite_form=form)


@members_view("partners.manage_members")
def member_remove(request, partner, membership_id):
    """A confirmation page first: removing someone takes their access to the projects."""
    membership = _membership(partner, membership_id)
    if request.method == "POST":
        services.partner_membership_remove(actor=request.user, membership=membership)
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
        return redirect("partners:members", partner_id=partner.pk)
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
@members_view("partners.manage_members")
def member_invite_resend(request, partner, membership_id):
    membership = _membership(partner, membership_id)
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
    return redirect("partners:members", partner_id=partner.pk)
