"""The lists of partner types and fields of activity, kept by coordinators."""

from django.db import transaction

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.partners.models import (
    ActivityField,
    PartnerType,
)
from kyodo.partners.services.profiles import _attribute_history


def _item_save(model, actor, name: str, sort_order: int, item):
    bump("partners")
    require_perm(actor, "partners.manage_taxonomy")
    item = item or model()
    item.name = name.strip()
    item.sort_order = sort_order
    item.full_clean()
    _attribute_history(item, actor)
    item.save()
    return item


@transaction.atomic
def partner_type_save(
    *, actor, name: str, sort_order: int = 0, partner_type: PartnerType | None = None
) -> PartnerType:
    """Create a partner type, or rename/reorder `partner_type`."""
    return _item_save(PartnerType, actor, name, sort_order, partner_type)


@transaction.atomic
def activity_field_save(
    *, actor, name: str, sort_order: int = 0, activity_field: ActivityField | None = None
) -> ActivityField:
    """Create a field of activity, or rename/reorder `activity_field`."""
    return _item_save(ActivityField, actor, name, sort_order, activity_field)
