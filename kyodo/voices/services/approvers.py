"""Who approves a department's replies besides the coordinators (designated by a coordinator)."""

from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.accounts.roles import Role
from kyodo.core.permissions import require_perm
from kyodo.voices.models import ReplyApprover
from kyodo.voices.services.common import refuse


@transaction.atomic
def approver_add(*, actor, user) -> ReplyApprover:
    """Let a staff member approve the replies of their own department."""
    require_perm(actor, "voices.manage_approvers")
    if not user.has_role(Role.STAFF) or user.department_id is None:
        refuse(_("Only city staff with a department can approve replies."), "not_staff")
    approver, _created = ReplyApprover.objects.get_or_create(
        department_id=user.department_id, user=user
    )
    return approver


@transaction.atomic
def approver_remove(*, actor, approver: ReplyApprover) -> None:
    require_perm(actor, "voices.manage_approvers")
    approver.delete()
