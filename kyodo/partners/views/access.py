"""Finding the partner of a URL once, with the rule checked (see kyodo/partners/rules.py)."""

from kyodo.core.permissions import object_permission_required
from kyodo.partners import selectors
from kyodo.partners.models import Partner


def partner_view(perm: str = "partners.view_partner"):
    """The partner's profile pages: 404 unless the user may see it, 403 without `perm`."""
    return object_permission_required(
        perm,
        lambda request: selectors.partner_detail_queryset(),
        see="partners.view_partner",
        pk="partner_id",
    )


def members_view(perm: str = "partners.view_members"):
    """The member pages: 404 unless the user may see the members, 403 without `perm`."""
    return object_permission_required(
        perm, Partner.objects.all(), see="partners.view_members", pk="partner_id"
    )
