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
    Participation,
    RoleLine,
    RolePart,
)

# --- roles, responsibilities and costs ----------------------------------------------------


@transaction.atomic
def role_line_add(
    *, actor, project, task: str, city_part="", partner_parts=None, responsibility=""
) -> RoleLine:
    """A line of the roles table; `partner_parts` maps a participation's id to that partner's
    part (乙の役割, 丙の役割 …). An id that is not one of the project's partners is refused."""
    require_perm(actor, "projects.edit_workspace", project)
    if not task.strip():
        raise ValidationError({"task": _("Enter the task.")})
    participations = {str(p.pk): p for p in Participation.objects.filter(project=project)}
    parts = {str(key): text for key, text in (partner_parts or {}).items()}
    if unknown := set(parts) - set(participations):
        raise ValidationError(
            _("%(count)s of the parts belong to no partner of this project.")
            % {"count": len(unknown)}
        )
    line = RoleLine.objects.create(
        project=project, task=task.strip(), city_part=city_part, responsibility=responsibility
    )
    for key, text in parts.items():
        if text.strip():
            RolePart.objects.create(role_line=line, participation=participations[key], text=text)
    return line


@transaction.atomic
def role_line_delete(*, actor, line: RoleLine) -> None:
    require_perm(actor, "projects.edit_workspace", line.project)
    line.delete()


def _bearing_participation(project, bearer: str) -> Participation | None:
    """ "city" → None; a participation's id → that partner; "partner" → the only partner, when
    there is exactly one (with several, each line names its own bearer)."""
    if bearer == CostBearer.CITY:
        return None
    partners = Participation.objects.filter(project=project)
    if bearer == CostBearer.PARTNER:
        only = list(partners[:2])
        if len(only) == 1:
            return only[0]
    else:
        try:
            found = partners.filter(pk=bearer).first()
        except (ValueError, ValidationError):
            found = None
        if found is not None:
            return found
    raise ValidationError({"bearer": _("Choose who bears the cost.")})


@transaction.atomic
def cost_line_add(*, actor, project, item: str, amount, bearer: str, note="") -> CostLine:
    """`bearer` is "city" or the id of the partner's participation that bears the cost."""
    require_perm(actor, "projects.edit_workspace", project)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError({"amount": _("Enter the amount in whole yen, 0 or more.")})
    participation = _bearing_participation(project, str(bearer))
    if not item.strip():
        raise ValidationError({"item": _("Enter the item.")})
    return CostLine.objects.create(
        project=project,
        item=item.strip(),
        amount=amount,
        bearer=CostBearer.CITY if participation is None else CostBearer.PARTNER,
        participation=participation,
        note=note,
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
