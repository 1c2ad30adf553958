"""Opinions: sent by anyone, assigned to a department, replied to, and published.

An opinion is saved as it was sent, in its own transaction, before anything else can fail:
the e-mail to the sender goes only after the commit and a mail server that is down does not
lose it (the receipt number and the status link are on the page as well).
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.core.search.index import index_update
from kyodo.core.wareki import fiscal_year
from kyodo.voices.models import Opinion, OpinionStatus
from kyodo.voices.privacy import personal_data_findings
from kyodo.voices.services.common import new_secret, now_or_clock, refuse

SENDER_FIELDS = ("sender_name", "sender_email", "sender_postal_code", "sender_address")
OPINION_FIELDS = (
    "subject",
    "text",
    "field",
    "project",
    "event",
    "council",
    "consents_to_publication",
)


def status_url(opinion: Opinion, secret: str) -> str:
    return reverse("voices:opinion_status", args=[opinion.receipt_number, secret])


def _mail_sender(opinion: Opinion, template: str, context: dict) -> None:
    if not opinion.sender_email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"opinion": opinion, "site_url": settings.KYODO_SITE_URL, **context}
        subject = render_to_string(f"voices/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"voices/email/{template}.txt", context)
    recipients = [opinion.sender_email]

    def deliver():
        send_mail(subject, body, None, recipients)

    # robust: a mail server that is down does not undo what was recorded (nor show an error).
    transaction.on_commit(deliver, robust=True)


def _check_text(text: str) -> None:
    if not text.strip():
        refuse(_("Write your opinion."), "empty", "text")
    limit = settings.VOICES_OPINION_MAX_CHARS
    if len(text) > limit:
        refuse(
            _("Your opinion is %(length)s characters long; the limit is %(limit)s.")
            % {"length": f"{len(text):,}", "limit": f"{limit:,}"},
            "too_long",
            "text",
        )


def _check_links(project, event, council=None) -> None:
    # Imported here: the public selectors of projects, events and councils are the only ones
    # offered.
    from kyodo.councils.selectors import public_councils
    from kyodo.portal.selectors import public_events
    from kyodo.projects.selectors import public_projects

    if project is not None and not public_projects().filter(pk=project.pk).exists():
        refuse(_("Choose a project from the list."), "project", "project")
    if event is not None and not public_events().filter(pk=event.pk).exists():
        refuse(_("Choose an event from the list."), "event", "event")
    if council is not None and not public_councils().filter(pk=council.pk).exists():
        refuse(_("Choose a council from the list."), "council", "council")


def _next_receipt_number(opinion: Opinion) -> None:
    prefix = f"V{fiscal_year(timezone.localdate(opinion.received_at))}-"
    last = (
        Opinion.objects.filter(receipt_number__startswith=prefix)
        .order_by("-receipt_number")
        .values_list("receipt_number", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    # Two sendings at the same instant may pick the same number: the next one is taken.
    for attempt in range(5):
        opinion.receipt_number = f"{prefix}{number + attempt:05d}"
        try:
            with transaction.atomic():
                opinion.save()
            return
        except IntegrityError:
            continue
    raise IntegrityError("could not allocate a receipt number")


@transaction.atomic
def opinion_send(*, actor, now=None, **fields) -> tuple[Opinion, str]:
    """Record an opinion as sent; returns it and the secret of its status link."""
    require_perm(actor, "voices.send_opinion")
    unknown = set(fields) - set(OPINION_FIELDS) - set(SENDER_FIELDS)
    if unknown:
        raise TypeError(sorted(unknown))
    _check_text(fields.get("text", ""))
    _check_links(fields.get("project"), fields.get("event"), fields.get("council"))
    received_at = now_or_clock(now)
    secret, digest = new_secret()
    opinion = Opinion(
        access_digest=digest,
        received_at=received_at,
        due_on=timezone.localdate(received_at) + timedelta(days=settings.VOICES_REPLY_TARGET_DAYS),
        **fields,
    )
    opinion.receipt_number = "pending"
    opinion.full_clean(exclude=["receipt_number"])
    opinion._history_user = recorded_actor(actor)
    _next_receipt_number(opinion)
    _mail_sender(opinion, "received", {"status_url": status_url(opinion, secret)})
    return opinion, secret


@transaction.atomic
def opinion_assign(*, actor, opinion: Opinion, department) -> Opinion:
    """Give the opinion to a department, which checks it and drafts the reply."""
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    require_perm(actor, "voices.assign_opinion", opinion)
    if opinion.reply_id is not None and opinion.department_id != department.pk:
        # The draft belongs to the department that wrote it (and is approved there).
        refuse(_("A reply is being drafted: the department can no longer change."), "has_reply")
    opinion.department = department
    opinion.status = OpinionStatus.CHECKING
    opinion.save()
    return opinion


@transaction.atomic
def opinion_prepare_publication(
    *, actor, opinion: Opinion, public_title: str, summary: str, withheld_reason: str = ""
) -> Opinion:
    """Staff write what the public will read, or why the opinion is not published."""
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    require_perm(actor, "voices.prepare_publication", opinion)
    bump("voices")  # the portal's cached search shows published opinions and surveys
    opinion.public_title = public_title.strip()
    opinion.summary = summary.strip()
    opinion.withheld_reason = withheld_reason.strip()
    opinion.save()
    return opinion


def publication_findings(opinion: Opinion) -> list:
    """Anything in what would be published that looks like personal data."""
    reply = opinion.reply
    texts = [opinion.public_title, opinion.summary]
    if reply is not None:
        texts += [reply.body, reply.reflection_reason]
    return personal_data_findings(*texts, sender_name=opinion.sender_name)


@transaction.atomic
def opinion_publish(*, actor, opinion: Opinion, now=None) -> Opinion:
    """Publish the summary and reply, once nothing in them looks like personal data."""
    opinion = (
        Opinion.objects.select_for_update(of=("self",)).select_related("reply").get(pk=opinion.pk)
    )
    require_perm(actor, "voices.publish_opinion", opinion)
    bump("voices")  # the portal's cached search shows published opinions and surveys
    if not opinion.consents_to_publication:
        refuse(_("The sender did not agree to publication."), "no_consent")
    if opinion.withheld_reason:
        refuse(_("This opinion is marked as not to be published."), "withheld")
    if not (opinion.public_title and opinion.summary):
        refuse(_("Write the title and summary for publication first."), "no_summary")
    findings = publication_findings(opinion)
    if findings:
        listed = "、".join(f"{f.label}「{f.text}」" for f in findings)
        refuse(
            _("Remove what looks like personal data before publishing: %(found)s")
            % {"found": listed},
            "personal_data",
        )
    opinion.status = OpinionStatus.PUBLISHED
    opinion.published_at = now_or_clock(now)
    opinion.save()
    index_update(opinion)
    return opinion
