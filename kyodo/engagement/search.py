"""How the promotion measures become search documents (registered in EngagementConfig.ready).

The public search passes the public querysets (published activities, dialogue sessions,
trainings with a community lecturer, agreements), so nothing else is found there. What is
indexed is only what the public pages show: never a staff member's name, a dialogue session's
internal note, or a lecturer's name that was not agreed to be published.
"""

from kyodo.core.search import registry
from kyodo.engagement.models import DialogueSession, PartnershipAgreement, StaffActivity, Training

ACTIVITY_KIND = "engagement.activity"
DIALOGUE_KIND = "engagement.dialogue"
TRAINING_KIND = "engagement.training"
AGREEMENT_KIND = "engagement.agreement"


def _activity_body(activity: StaffActivity) -> list[str]:
    if not activity.is_published:
        return []  # an unpublished entry leaves no word in the index
    return [activity.organisation, activity.description]


def _dialogue_body(session: DialogueSession) -> list[str]:
    return [session.topics, session.place, *(issue.text for issue in session.issues.all())]


def _training_body(training: Training) -> list[str]:
    lecturer = training.lecturer_name if training.lecturer_name_public else ""
    partner = training.lecturer_partner.name if training.lecturer_partner_id else ""
    return [training.description, lecturer, partner]


def _agreement_body(agreement: PartnershipAgreement) -> list[str]:
    return [agreement.partner.name, agreement.purpose]


def register() -> None:
    registry.register(
        ACTIVITY_KIND,
        model=StaffActivity,
        title=lambda activity: [activity.get_kind_display()] if activity.is_published else [],
        body=_activity_body,
    )
    registry.register(
        DIALOGUE_KIND,
        model=DialogueSession,
        title=lambda session: [session.title],
        body=_dialogue_body,
    )
    registry.register(
        TRAINING_KIND, model=Training, title=lambda training: [training.title], body=_training_body
    )
    registry.register(
        AGREEMENT_KIND,
        model=PartnershipAgreement,
        title=lambda agreement: [agreement.title],
        body=_agreement_body,
    )
