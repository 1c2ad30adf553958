"""Who may do what with the promotion measures, and when.

A staff member's civic activity is theirs: only they and the coordinators see an entry; their
department sees counts only, with groups under ENGAGEMENT_MIN_GROUP people suppressed (see
selectors). Dialogue sessions, trainings and partnership agreements belong to a department:
its staff run them, the rest of the city reads them, coordinators do everything. Partner
members see their own organisation's lectures and agreements, and the dialogue issues that
became projects they take part in.
"""

import rules
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_city_side, is_coordinator, is_partner_member, is_staff_member
from kyodo.core.rules import Phase, add_phased_perm
from kyodo.partners.rules import partner_ids_of
from kyodo.projects.rules import is_participating_partner_member


@rules.predicate
def is_own_activity(user, activity) -> bool:
    return activity is not None and activity.staff_id == user.pk


@rules.predicate
def has_department(user) -> bool:
    return user.is_authenticated and user.department_id is not None


@rules.predicate
def is_of_the_department(user, record) -> bool:
    """`record` (session, training, agreement, or an issue's session) is the user's department's."""
    if record is None:
        return False
    record = getattr(record, "session", record)
    return user.department_id is not None and user.department_id == record.department_id


@rules.predicate
def is_lecturing_partner_member(user, training) -> bool:
    return training is not None and training.lecturer_partner_id in partner_ids_of(user)


@rules.predicate
def is_agreement_partner_member(user, agreement) -> bool:
    return agreement is not None and agreement.partner_id in partner_ids_of(user)


@rules.predicate
def takes_part_in_the_issues_project(user, issue) -> bool:
    return (
        issue is not None
        and issue.project_id is not None
        and (is_participating_partner_member(user, issue.project))
    )


@rules.predicate
def attended(user, training) -> bool:
    return training is not None and training.attendance.filter(attendee=user.pk).exists()


runs_it = is_coordinator | (is_staff_member & is_of_the_department)

# Staff civic activity (§5-1)
rules.add_perm("engagement.log_activity", is_staff_member & has_department)
rules.add_perm("engagement.view_activity", is_own_activity | is_coordinator)
rules.add_perm("engagement.change_activity", is_own_activity | is_coordinator)
rules.add_perm("engagement.view_activity_figures", is_city_side)
rules.add_perm("engagement.view_all_activities", is_coordinator)

# Dialogue (§5-2)
rules.add_perm("engagement.view_dialogue", is_city_side)
rules.add_perm("engagement.create_dialogue", is_coordinator | (is_staff_member & has_department))
rules.add_perm("engagement.change_dialogue", runs_it)
rules.add_perm("engagement.view_issue", is_city_side | takes_part_in_the_issues_project)
add_phased_perm(
    "engagement.issue_to_project",
    runs_it,
    Phase(
        "issue_open",
        lambda issue: issue.is_open,
        _(
            "Only an issue that is received or under consideration, and has no project yet, "
            "can become a project."
        ),
    ),
)

# Trainings (§5-4)
rules.add_perm("engagement.view_trainings", is_city_side)
rules.add_perm("engagement.view_training", is_city_side | is_lecturing_partner_member)
rules.add_perm("engagement.create_training", is_coordinator | (is_staff_member & has_department))
rules.add_perm("engagement.change_training", runs_it)
add_phased_perm(
    "engagement.give_feedback",
    is_staff_member & attended,
    Phase(
        "training_held",
        lambda training: training.has_been_held,
        _("Feedback can be given once the training has taken place."),
    ),
)

# Partnership agreements (§5-5)
rules.add_perm("engagement.view_agreements", is_city_side)
rules.add_perm("engagement.view_agreement", is_city_side | is_agreement_partner_member)
rules.add_perm("engagement.create_agreement", is_coordinator | (is_staff_member & has_department))
rules.add_perm("engagement.change_agreement", runs_it)

# The partner home's block: their lectures, agreements and the issues behind their projects.
rules.add_perm("engagement.view_partner_engagement", is_partner_member)
