"""Answering a survey: once per person, while it is open, every required question answered.

An answer to an anonymous survey is stored with no user, no name and no invitation (the
invitation only remembers the day it was used); even its history records no user.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.voices.models import (
    Answer,
    Invitation,
    QuestionKind,
    Survey,
    SurveyAccess,
    SurveyResponse,
)
from kyodo.voices.services.common import digest, now_or_clock, refuse

MAX_TEXT = 2000


@dataclass
class Given:
    """What a person gave for one question (indexes into its options, a number, text)."""

    selected: list[int] = field(default_factory=list)
    number: Decimal | None = None
    text: str = ""
    other_text: str = ""

    @property
    def empty(self) -> bool:
        return not (self.selected or self.number is not None or self.text or self.other_text)


def find_invitation(survey: Survey, secret: str | None) -> Invitation | None:
    if not secret:
        return None
    return survey.invitations.filter(token_digest=digest(secret)).first()


def _check_given(item, given: Given) -> None:
    version = item.version
    name = f"item_{item.pk}"
    if given.empty:
        if item.required:
            refuse(_("Answer this question."), "required", name)
        return
    options = version.options
    if any(not 0 <= index < len(options) for index in given.selected):
        refuse(_("Choose from the choices given."), "choice", name)
    if version.kind in (QuestionKind.SINGLE, QuestionKind.SCALE) and len(given.selected) > 1:
        refuse(_("Choose one answer."), "choice", name)
    if given.other_text and not version.has_other:
        refuse(_("This question has no “other” answer."), "other", name)
    if len(given.text) > MAX_TEXT or len(given.other_text) > MAX_TEXT:
        refuse(_("Write at most 2,000 characters."), "too_long", name)


def _invitation_for(survey: Survey, secret: str | None) -> Invitation | None:
    if survey.access != SurveyAccess.INVITATION:
        return None
    invitation = find_invitation(survey, secret)
    if invitation is None:
        refuse(_("This survey is answered through the link sent to you by e-mail."), "invite")
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_on is not None:
        refuse(_("This link has already been used to answer."), "already_answered")
    return invitation


@transaction.atomic
def response_submit(
    *,
    actor,
    survey: Survey,
    given: dict,
    respondent_name: str = "",
    invitation_secret: str | None = None,
    now=None,
) -> SurveyResponse:
    """Record one person's answers (`given`: item id → Given)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.is_closed(now_or_clock(now)) or not survey.is_open(now_or_clock(now)):
        refuse(_("This survey is not open for answers."), "survey_not_open")
    require_perm(recorded_actor(actor), "voices.answer_survey", survey)
    invitation = _invitation_for(survey, invitation_secret)
    items = list(survey.items.select_related("version"))
    for item in items:
        _check_given(item, given.get(item.pk, Given()))
    if not survey.anonymous and not respondent_name.strip():
        refuse(_("This survey is not anonymous: give your name."), "name", "respondent_name")
    response = SurveyResponse(survey=survey)
    if not survey.anonymous:
        response.user = recorded_actor(actor)
        response.respondent_name = respondent_name.strip()
        response.invitation = invitation
    # Not even the history may say who answered an anonymous survey.
    response._history_user = None if survey.anonymous else recorded_actor(actor)
    response.save()
    for item in items:
        answer = given.get(item.pk, Given())
        if not answer.empty:
            row = Answer(response=response, item=item, **answer.__dict__)
            row._history_user = response._history_user
            row.save()
    if invitation is not None:
        invitation.used_on = timezone.localdate(now_or_clock(now))
        invitation._history_user = None
        invitation.save()
    return response
