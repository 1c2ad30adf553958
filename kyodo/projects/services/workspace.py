"""Roles, responsibilities and costs; consultations and their agreed points."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.projects.models import (
    AgreedPoint,
    Consultation,
    CostBearer,
    CostLine,
    RoleLine,
)

# --- roles, responsibilities and costs ----------------------------------------------------


@transaction.atomic
def role_line_add(
    *, actor, project, task: str, city_part="", partner_part="", responsibility=""
) -> RoleLine:
    require_perm(actor, "projects.edit_workspace", project)
    if not task.strip():
        raise ValidationError({"task": _("Enter the task.")})
    return RoleLine.objects.create(
        project=project,
        task=task.strip(),
        city_part=city_part,
        partner_part=partner_part,
        responsibility=responsibility,
    )


@transaction.atomic
def role_line_delete(*, actor, line: RoleLine) -> None:
    require_perm(actor, "projects.edit_workspace", line.project)
    line.delete()


@transaction.atomic
def cost_line_add(*, actor, project, item: str, amount, bearer: str, note="") -> CostLine:
    require_perm(actor, "projects.edit_workspace", project)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError({"amount": _("Enter the amount in whole yen, 0 or more.")})
    if bearer not in CostBearer.values:
        raise ValidationError({"bearer": _("Choose who bears the cost.")})
    if not item.strip():
        raise ValidationError({"item": _("Enter the item.")})
    return CostLine.objects.create(
        project=project, item=item.strip(), amount=amount, bearer=bearer, note=note
    )


@transaction.atomic
def cost_line_delete(*, actor, line: CostLine) -> None:
    require_perm(actor, "projects.edit_workspace", line.project)
    line.delete()


# --- consultations and agreed points ------------------------------------------------------


@transaction.atomic
def consultation_add(
    *,
    actor,
    project,
    held_on: date,
    city_attendees: str,
    partner_attendees: str,
    agenda: str,
    notes: str = "",
    points=(),
) -> Consultation:
    """Record a consultation; each line of `points` becomes an agreed point to confirm."""
    require_perm(actor, "projects.edit_workspace", project)
    consultation = Consultation.objects.create(
        project=project,
        held_on=held_on,
        city_attendees=city_attendees,
        partner_attendees=partner_attendees,
        agenda=agenda,
        notes=notes,
    )
    for text in points:
        if text.strip():
            agreed_point_add(actor=actor, project=project, text=text, consultation=consultation)
    return consultation


@transaction.atomic
def agreed_point_add(*, actor, project, text: str, consultation=None) -> AgreedPoint:
    require_perm(actor, "projects.edit_workspace", project)
    if not text.strip():
        raise ValidationError({"text": _("Enter the point to agree on.")})
    return AgreedPoint.objects.create(project=project, consultation=consultation, text=text.strip())


@transaction.atomic
def agreed_point_confirm(*, actor, point: AgreedPoint, side: str) -> AgreedPoint:
    """One side confirms it reads the point the same way; `side` is "city" or "partner"."""
    if side == "city":
        require_perm(actor, "projects.confirm_as_city", point.project)
        point.city_confirmed_by, point.city_confirmed_at = actor, timezone.now()
    elif side == "partner":
        require_perm(actor, "projects.confirm_as_partner", point.project)
        point.partner_confirmed_by, point.partner_confirmed_at = actor, timezone.now()
    else:
        raise ValueError(side)
    point.save()
    return point
