"""The lists of partner types and fields of activity, kept by coordinators."""

from django.db import transaction

from kyodo.core.permissions import require_perm
from kyodo.partners.models import (
    ActivityField,
    PartnerType,
)
from kyodo.partners.services.profiles import _attribute_history


@transaction.atomic
def partner_type_save(
    *, actor, name: str, sort_order: int = 0, partner_type: PartnerType | None = None
) -> PartnerType:
    """Create a partner type, or rename/reorder `partner_type`."""
    require_perm(actor, "partners.manage_taxonomy")
    partner_type = partner_type or PartnerType()
    partner_type.name = name.strip()
    partner_type.sort_order = sort_order
    partner_type.full_clean()
    _attribute_history(partner_type, actor)
    partner_type.save()
    return partner_type


@transaction.atomic
def activity_field_save(
    *, actor, name: str, sort_order: int = 0, activity_field: ActivityField | None = None
) -> ActivityField:
    """Create a field of activity, or rename/reorder `activity_field`."""
    require_perm(actor, "partners.manage_taxonomy")
    activity_field = activity_field or ActivityField()
    activity_field.name = name.strip()
    activity_field.sort_order = sort_order
    activity_field.full_clean()
    _attribute_history(activity_field, actor)
    activity_field.save()
    return activity_field
