"""Who may do what with citizens' opinions and surveys, and when.

Anyone, with or without an account, sends an opinion, follows it by its secret link, answers an
open survey and reads what is published. City staff handle the opinions assigned to their
department and its surveys; coordinators everything. The sender's identity is shown only to
those who handle the opinion (`voices.view_opinion`). Partner members, evaluators and outsiders
see the public pages only.

A reply is approved by a coordinator or by an approver of the department (`ReplyApprover`),
never by the person who drafted it unless they are a coordinator.
"""

import rules
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_coordinator, is_staff_member
from kyodo.core.rules import Phase, add_phased_perm
from kyodo.voices.models import OpinionStatus, ReplyApprover


def _department_of(obj):
    return getattr(obj, "department_id", None)


@rules.predicate
def is_of_its_department(user, obj) -> bool:
    """The user is staff of the department the opinion, reply or survey belongs to."""
    department = _department_of(obj)
    return department is not None and department == user.department_id


@rules.predicate
def is_approver_of_its_department(user, reply) -> bool:
    if reply is None or not user.is_authenticated:
        return False
    return ReplyApprover.objects.filter(department=reply.department_id, user=user).exists()


@rules.predicate
def is_published_opinion(user, opinion) -> bool:
    return opinion is not None and opinion.status == OpinionStatus.PUBLISHED


@rules.predicate
def is_public_survey(user, survey) -> bool:
    return survey is not None and not survey.is_draft


@rules.predicate
def has_public_results(user, survey) -> bool:
    if survey is None or survey.is_draft:
        return False
    return survey.is_closed() or not settings.VOICES_RESULTS_AFTER_CLOSING


# --- Phases -----------------------------------------------------------------------------------

NOT_REPLIED = Phase(
    "voices_not_replied",
    lambda opinion: opinion.status in (OpinionStatus.RECEIVED, OpinionStatus.CHECKING),
    _("This opinion has already been replied to."),
    code="already_replied",
)
ASSIGNED = Phase(
    "voices_assigned",
    lambda opinion: opinion.department_id is not None,
    _("Assign the opinion to a department first."),
    code="not_assigned",
)
REPLY_NOT_APPROVED = Phase(
    "voices_reply_not_approved",
    lambda reply: reply.approved_at is None,
    _("This reply has already been approved."),
    code="already_approved",
)
REPLIED = Phase(
    "voices_replied",
    lambda opinion: opinion.status == OpinionStatus.REPLIED,
    _("Only a replied opinion that is not published yet can be published."),
    code="not_replied",
)
NOT_PUBLISHED = Phase(
    "voices_not_published",
    lambda opinion: opinion.status != OpinionStatus.PUBLISHED,
    _("This opinion is already published."),
    code="already_published",
)
SURVEY_DRAFT = Phase(
    "voices_survey_draft",
    lambda survey: survey.is_draft,
    _("A survey cannot be changed once it is published."),
    code="survey_published",
)
SURVEY_OPEN = Phase(
    "voices_survey_open",
    lambda survey: survey.is_open(),
    _("This survey is not open for answers."),
    code="survey_not_open",
)
SURVEY_NOT_CLOSED = Phase(
    "voices_survey_not_closed",
    lambda survey: not survey.is_draft and not survey.is_closed(),
    _("This survey is already closed."),
    code="survey_closed",
)

# --- Permissions ------------------------------------------------------------------------------

handles = is_coordinator | (is_staff_member & is_of_its_department)
may_approve = is_coordinator | (is_staff_member & is_approver_of_its_department)

rules.add_perm("voices.send_opinion", rules.always_allow)
rules.add_perm("voices.view_published_opinion", is_published_opinion)
# The list of opinions to handle: each staff member sees their department's.
rules.add_perm("voices.manage_opinions", is_coordinator | is_staff_member)
# With an opinion: its text and the sender's identity.
rules.add_perm("voices.view_opinion", handles)
add_phased_perm("voices.assign_opinion", is_coordinator, NOT_REPLIED)
add_phased_perm("voices.draft_reply", handles, NOT_REPLIED, ASSIGNED)
# With a reply.
add_phased_perm("voices.approve_reply", may_approve, REPLY_NOT_APPROVED)
add_phased_perm("voices.edit_reply", handles, REPLY_NOT_APPROVED)
add_phased_perm("voices.prepare_publication", handles, NOT_PUBLISHED)
add_phased_perm("voices.publish_opinion", handles, REPLIED)
rules.add_perm("voices.manage_approvers", is_coordinator)
rules.add_perm("voices.see_every_department", is_coordinator)

rules.add_perm("voices.view_survey", is_public_survey | handles)
rules.add_perm("voices.view_results", has_public_results | handles)
rules.add_perm("voices.manage_surveys", is_coordinator | is_staff_member)
rules.add_perm("voices.manage_survey", handles)
add_phased_perm("voices.edit_survey", handles, SURVEY_DRAFT)
add_phased_perm("voices.close_survey", handles, SURVEY_NOT_CLOSED)
add_phased_perm("voices.answer_survey", rules.always_allow, SURVEY_OPEN)


@rules.predicate
def handles_its_survey(user, export) -> bool:
    return export is not None and handles.test(user, export.survey)


rules.add_perm("voices.view_reply", handles)
rules.add_perm("voices.view_export", handles_its_survey)
# Open data and the API: the results of closed surveys only, whatever VOICES_RESULTS_AFTER_CLOSING.
rules.add_perm("voices.view_published_results", is_public_survey)
