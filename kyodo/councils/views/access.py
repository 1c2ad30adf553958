"""How the councils pages find their object and check the rule, in one step.

Each shorthand is `kyodo.core.permissions.object_permission_required` with the queryset its
pages need; what a person may not see is a 404, what they see but may not do a 403.
"""

from functools import partial

from kyodo.core.permissions import object_permission_required
from kyodo.councils.models import FollowUp, Material, Meeting, Outcome, Person, Term
from kyodo.councils.selectors import councils_for_staff

council_view = partial(
    object_permission_required, queryset=councils_for_staff(), see="councils.view_council"
)
meeting_view = partial(
    object_permission_required,
    queryset=Meeting.objects.select_related("council__department"),
    see="councils.view_council",
)
term_view = partial(
    object_permission_required,
    queryset=Term.objects.select_related("council__department", "person", "partner"),
    see="councils.view_council",
)
outcome_view = partial(
    object_permission_required,
    queryset=Outcome.objects.select_related("meeting__council__department"),
    see="councils.view_council",
)
followup_view = partial(
    object_permission_required,
    queryset=FollowUp.objects.select_related("outcome__meeting__council__department"),
    see="councils.view_council",
)
material_view = partial(
    object_permission_required,
    queryset=Material.objects.select_related("meeting__council"),
)
person_view = partial(object_permission_required, queryset=Person.objects.all())
