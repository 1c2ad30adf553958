"""The partners taking part in a project."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.partners.models import Partner
from kyodo.partners.services import partner_index_refresh
from kyodo.projects.models import (
    Participation,
    Project,
)

# --- partners -----------------------------------------------------------------------------


@transaction.atomic
def participation_add(
    *, actor, project: Project, partner: Partner, role: str = ""
) -> Participation:
    """Add a partner to a project (idempotent: an existing participation gets the new role)."""
    bump("projects")
    require_perm(actor, "projects.manage_participants", project)
    participation, created = Participation.objects.get_or_create(
        project=project, partner=partner, defaults={"role": role}
    )
    if not created and role and participation.role != role:
        participation.role = role
        participation.save(update_fields=["role", "updated_at"])
    # The partner's track record (its projects) is part of what search and matching find.
    partner_index_refresh(partner=partner)
    return participation


@transaction.atomic
def participation_remove(*, actor, participation: Participation) -> None:
    bump("projects")
    require_perm(actor, "projects.manage_participants", participation.project)
    if participation.cost_lines.exists():
        raise ValidationError(
            _(
                "%(name)s bears costs of this project. Delete those cost lines or give them "
                "another bearer first."
            )
            % {"name": participation.partner.name}
        )
    partner = participation.partner
    participation.delete()
    partner_index_refresh(partner=partner)
