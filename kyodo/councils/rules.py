"""Who may do what with councils, their members, meetings, outcomes and follow-ups.

Coordinators do everything. Staff of the council's department edit their councils and all that
belongs to them (members, meetings, outcomes, follow-ups); other staff read. A partner member
reads the public parts (the portal) and the follow-ups of the councils their organisation sits
on. Evaluators, outsiders and anonymous visitors see only the public pages. A member's contact
details are for city staff only; closed meetings' minutes never reach a public page.

Every permission is asked of the council, or of an object that has one (`obj.council`), so that
a meeting or a term is judged by its council's department.

Minutes move through two phases: they are edited until approved, and published (public
meetings only) after approval.
"""

import rules
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_city_side, is_coordinator, is_partner_member, is_staff_member
from kyodo.core.rules import Phase, add_phased_perm
from kyodo.partners.rules import partner_ids_of


def council_of(obj):
    """The council an object belongs to (a council is its own)."""
    if obj is None:
        return None
    return getattr(obj, "council", obj)


@rules.predicate
def is_council_department_staff(user, obj) -> bool:
    council = council_of(obj)
    return (
        council is not None
        and user.is_authenticated
        and user.department_id is not None
        and user.department_id == council.department_id
    )


@rules.predicate
def organisation_sits_on(user, obj) -> bool:
    """One of the user's organisations recommended a member of the council (団体推薦)."""
    council = council_of(obj)
    ids = partner_ids_of(user)
    if council is None or not ids:
        return False
    return council.terms.filter(partner_id__in=ids).exists()


@rules.predicate
def is_public_council(user, obj) -> bool:
    council = council_of(obj)
    return council is not None and council.is_public


@rules.predicate
def is_public_meeting(user, obj) -> bool:
    """A public meeting of a public council (or a material of one)."""
    meeting = getattr(obj, "meeting", obj)
    return meeting is not None and meeting.is_public and meeting.council.is_public


can_edit = is_coordinator | (is_staff_member & is_council_department_staff)

rules.add_perm("councils.add_council", is_coordinator | is_staff_member)
rules.add_perm("councils.view_council", is_city_side)
rules.add_perm("councils.edit_council", can_edit)
rules.add_perm("councils.view_contacts", is_city_side)
rules.add_perm("councils.view_hollow_list", is_coordinator)
rules.add_perm("councils.view_followups", is_city_side | (is_partner_member & organisation_sits_on))
rules.add_perm("councils.view_my_followups", is_partner_member)
# The portal: anyone, logged in or not, reads a public council and its public meetings.
rules.add_perm("councils.view_public_council", is_public_council)
rules.add_perm("councils.view_public_meeting", is_public_meeting)
rules.add_perm("councils.view_material", is_city_side | is_public_meeting)

MINUTES_OPEN = Phase(
    "councils.minutes_not_approved",
    lambda meeting: meeting.minutes_approved_at is None,
    _("The minutes were approved and can no longer be changed."),
)
MINUTES_WRITTEN = Phase(
    "councils.minutes_written",
    lambda meeting: meeting.has_minutes,
    _("Write the minutes (or attach them) before approving them."),
)
MINUTES_PUBLISHABLE = Phase(
    "councils.minutes_publishable",
    lambda meeting: (
        meeting.minutes_approved_at is not None
        and meeting.is_public
        and meeting.minutes_published_at is None
    ),
    _(
        "Only the approved minutes of a public meeting can be published, once. "
        "A closed meeting's minutes stay within the city."
    ),
)

add_phased_perm("councils.edit_minutes", can_edit, MINUTES_OPEN)
add_phased_perm("councils.approve_minutes", can_edit, MINUTES_OPEN, MINUTES_WRITTEN)
add_phased_perm("councils.publish_minutes", can_edit, MINUTES_PUBLISHABLE)
