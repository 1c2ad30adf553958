"""Surveys: questions and their versions, building a survey, publishing, invitations, closing.

A question version is never changed once a published survey uses it: revising the wording
makes a new version of the same question, so that yearly surveys still compare.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.normalize import normalize_email
from kyodo.core.permissions import require_perm
from kyodo.voices.models import (
    Invitation,
    Question,
    QuestionKind,
    QuestionVersion,
    Survey,
    SurveyAccess,
    SurveyItem,
)
from kyodo.voices.services.common import new_secret, now_or_clock, refuse

SURVEY_FIELDS = ("title", "description", "opens_at", "closes_at", "anonymous", "access")
MAX_CHOICES = 30


def _clean_choices(kind: str, choices: list[str]) -> list[str]:
    choices = [c.strip() for c in choices if c and c.strip()]
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        if len(choices) < 2:
            refuse(_("Give at least two choices, one per line."), "choices", "choices")
        if len(choices) > MAX_CHOICES or len(set(choices)) != len(choices):
            refuse(_("Give at most 30 different choices."), "choices", "choices")
        return choices
    return []


def _version(question, number, *, text, kind, choices, has_other) -> QuestionVersion:
    if not text.strip():
        refuse(_("Write the question."), "empty", "text")
    if kind not in QuestionKind.values:
        refuse(_("Choose the kind of answer."), "kind", "kind")
    return QuestionVersion.objects.create(
        question=question,
        number=number,
        text=text.strip(),
        kind=kind,
        choices=_clean_choices(kind, choices),
        has_other=has_other and kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE),
    )


@transaction.atomic
def question_create(*, actor, code: str, department=None, **version) -> QuestionVersion:
    """A new question, kept under `code` across the years, with its first version."""
    require_perm(actor, "voices.manage_surveys")
    code = code.strip()
    if not code:
        refuse(_("Give the question a code."), "code", "code")
    if Question.objects.filter(code=code).exists():
        refuse(_("A question with this code exists: revise it instead."), "code_taken", "code")
    question = Question.objects.create(code=code, department=department)
    return _version(question, 1, **version)


@transaction.atomic
def question_revise(*, actor, question: Question, **version) -> QuestionVersion:
    """A new version of the wording or choices; surveys keep the version they asked."""
    require_perm(actor, "voices.manage_surveys")
    question = Question.objects.select_for_update().get(pk=question.pk)
    last = question.versions.aggregate(last=Max("number"))["last"] or 0
    return _version(question, last + 1, **version)


def _check_dates(survey: Survey) -> None:
    if survey.closes_at <= survey.opens_at:
        refuse(_("The survey must close after it opens."), "dates", "closes_at")


@transaction.atomic
def survey_create(*, actor, department=None, **fields) -> Survey:
    require_perm(actor, "voices.manage_surveys")
    if actor is not None and not actor.has_perm("voices.see_every_department"):
        department = actor.department  # staff build surveys for their own department
    survey = Survey(department=department, **{k: fields[k] for k in fields if k in SURVEY_FIELDS})
    survey.full_clean()
    _check_dates(survey)
    survey.save()
    return survey


@transaction.atomic
def survey_update(*, actor, survey: Survey, **fields) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require_perm(actor, "voices.edit_survey", survey)
    for name, value in fields.items():
        if name not in SURVEY_FIELDS:
            raise TypeError(name)
        setattr(survey, name, value)
    survey.full_clean()
    _check_dates(survey)
    survey.save()
    return survey


@transaction.atomic
def survey_add_item(*, actor, survey: Survey, version: QuestionVersion, required=True):
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require_perm(actor, "voices.edit_survey", survey)
    if survey.items.filter(version__question=version.question_id).exists():
        refuse(_("This question is already in the survey."), "duplicate", "version")
    position = (survey.items.aggregate(last=Max("position"))["last"] or 0) + 1
    return SurveyItem.objects.create(
        survey=survey, version=version, position=position, required=required
    )


@transaction.atomic
def survey_item_revise(*, actor, item: SurveyItem, **version) -> SurveyItem:
    """Reword a question of a draft survey: a new version of the same question (so it still
    compares with earlier years), asked here in place of the old one; others keep theirs."""
    survey = Survey.objects.select_for_update().get(pk=item.survey_id)
    require_perm(actor, "voices.edit_survey", survey)
    item.version = question_revise(actor=actor, question=item.version.question, **version)
    item.save()
    return item


@transaction.atomic
def survey_remove_item(*, actor, item: SurveyItem) -> None:
    require_perm(
        actor, "voices.edit_survey", Survey.objects.select_for_update().get(pk=item.survey_id)
    )
    item.delete()


@transaction.atomic
def survey_publish(*, actor, survey: Survey, now=None) -> Survey:
    """Publish the survey: it opens at its opening time and can no longer be changed."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require_perm(actor, "voices.edit_survey", survey)
    bump("voices")  # the portal's cached search shows published opinions and surveys
    if not survey.items.exists():
        refuse(_("Add at least one question first."), "no_items")
    if survey.closes_at <= now_or_clock(now):
        refuse(_("The closing time has already passed."), "dates")
    survey.published_at = now_or_clock(now)
    survey.save()
    return survey


@transaction.atomic
def survey_close(*, actor, survey: Survey, now=None) -> Survey:
    """Close now, before the closing time; answers can no longer be given or changed."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require_perm(actor, "voices.close_survey", survey)
    bump("voices")  # the portal's cached search shows published opinions and surveys
    survey.closed_at = now_or_clock(now)
    survey.save()
    return survey


def _mail_invitation(survey: Survey, email: str, secret: str) -> None:
    url = settings.KYODO_SITE_URL + reverse("voices:survey_invited", args=[survey.pk, secret])
    with translation.override(settings.LANGUAGE_CODE):
        context = {"survey": survey, "url": url}
        subject = render_to_string("voices/email/invitation_subject.txt", context).strip()
        body = render_to_string("voices/email/invitation.txt", context)

    def deliver():
        send_mail(subject, body, None, [email])

    # robust: a mail server that is down does not undo the invitations already recorded.
    transaction.on_commit(deliver, robust=True)


@transaction.atomic
def invitations_send(*, actor, survey: Survey, emails: list[str]) -> int:
    """Send a one-time link to each new address; an address already invited is skipped."""
    require_perm(actor, "voices.close_survey", survey)
    if survey.access != SurveyAccess.INVITATION:
        refuse(_("This survey is open to everyone; it takes no invitations."), "open_survey")
    known = set(survey.invitations.values_list("email", flat=True))
    sent = 0
    for email in dict.fromkeys(normalize_email(e) for e in emails if e.strip()):
        if email in known:
            continue
        secret, digest = new_secret()
        Invitation.objects.create(survey=survey, email=email, token_digest=digest)
        _mail_invitation(survey, email, secret)
        sent += 1
    return sent
