"""Applications: the organisation's draft, its attachments and its submission."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyodo.calls.models import Application, ApplicationStatus, Attachment, Call
from kyodo.calls.rules import deadline_refusal
from kyodo.calls.selectors import last_receipt_number
from kyodo.calls.services.common import mail_applicant, now_or_clock, raise_if, refuse
from kyodo.core import normalize
from kyodo.core.locking import EditConflict, check_lock
from kyodo.core.permissions import require_perm
from kyodo.core.uploads import UploadPolicy, delete_file_on_commit, validate_upload
from kyodo.core.wareki import fiscal_year
from kyodo.partners.models import Partner

APPLICATION_FIELDS = ("proposal", "plan", "budget_amount", "budget_notes")

ATTACHMENT_POLICY = UploadPolicy(
    extensions=("pdf", "docx", "xlsx", "jpg", "jpeg", "png"),
    max_bytes=10 * 1024 * 1024,
    wrong_type=gettext_lazy("Attach a PDF, Word (.docx), Excel (.xlsx), JPEG or PNG file."),
    field="attachment",
)


def _check_editable(actor, application: Application, now: datetime | None) -> None:
    """The applicant's member, while the call is open, before the deadline, not submitted."""
    require_perm(actor, "calls.change_draft", application)
    raise_if(deadline_refusal(application.call, now))


def _bump(application: Application) -> None:
    """A new version of the draft: what was confirmed before it is no longer what is there."""
    application.lock_version += 1
    application.save()


@transaction.atomic
def application_save_draft(
    *,
    actor,
    call: Call,
    partner: Partner,
    now: datetime | None = None,
    lock_version: int | None = None,
    **fields,
) -> Application:
    """Create or update the organisation's draft (before the deadline, while not submitted);
    refused if it was saved since `lock_version` (another window, another member)."""
    require_perm(actor, "calls.apply")
    require_perm(actor, "calls.apply_for", partner)
    call = Call.objects.select_for_update().get(pk=call.pk)
    application, created = Application.objects.get_or_create(
        call=call, partner=partner, defaults={"created_by": actor}
    )
    application.call = call
    _check_editable(actor, application, now)
    if not created:
        check_lock(Application, application, lock_version)
        application.refresh_from_db(fields=["lock_version"])
    for name, value in fields.items():
        if name not in APPLICATION_FIELDS:
            raise TypeError(name)
        setattr(application, name, value)
    application.full_clean()
    if created:
        application.save()
    else:
        _bump(application)
    return application


def _assign_receipt_number(application: Application, when: datetime) -> None:
    prefix = f"K{fiscal_year(timezone.localdate(when))}-"
    last = last_receipt_number(prefix)
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    # Two submissions at the same instant may pick the same number; the unique constraint
    # catches it and the next number is taken.
    for attempt in range(5):
        application.receipt_number = f"{prefix}{number + attempt:05d}"
        try:
            with transaction.atomic():
                application.save(update_fields=["receipt_number", "updated_at"])
            return
        except IntegrityError:
            continue
    raise IntegrityError("could not allocate a receipt number")


def submission_problems(application: Application) -> list[ValidationError]:
    """Why the draft cannot be submitted as it is (empty when it can): the confirmation page
    says so before the applicant presses 「提出する」, and the submission refuses it."""
    problems = []
    missing = [
        str(Application._meta.get_field(name).verbose_name)
        for name in ("proposal", "plan")
        if not getattr(application, name).strip()
    ]
    if missing:
        problems.append(
            ValidationError(
                _("Fill in before submitting: %(fields)s.") % {"fields": "、".join(missing)},
                code="incomplete",
            )
        )
    ceiling = application.call.budget_ceiling
    # A draft may go over while the group works on it; what is submitted must fit the call.
    if ceiling is not None and (application.budget_amount or 0) > ceiling:
        problems.append(
            ValidationError(
                _(
                    "The budget of %(amount)s yen is over the call's ceiling of %(ceiling)s "
                    "yen: lower it before submitting."
                )
                % {"amount": f"{application.budget_amount:,}", "ceiling": f"{ceiling:,}"},
                code="over_ceiling",
            )
        )
    return problems


def _check_complete(application: Application) -> None:
    problems = submission_problems(application)
    if problems:
        raise ValidationError(problems)


def _check_confirmed(actor, application: Application, confirmed_version: int | None) -> None:
    """A person submits what they read on the confirmation page, and nothing else: the version
    they confirmed must still be the draft's (the system, `actor=None`, may skip the page)."""
    if confirmed_version is None:
        if actor is not None:
            refuse(
                _("Check your answers on the confirmation page before submitting."),
                "not_confirmed",
            )
        return
    if int(confirmed_version) != application.lock_version:
        raise EditConflict(
            _(
                "The application was changed after the confirmation page was opened (in another "
                "window or by another member). Check the answers below again before submitting."
            ),
            code="conflict",
        )


@transaction.atomic
def application_submit(
    *,
    actor,
    application: Application,
    now: datetime | None = None,
    confirmed_version: int | None = None,
) -> Application:
    """Submit before the deadline (server time) the version of the draft that was confirmed
    (`confirmed_version`, required of a person): gives the receipt number and mails it."""
    when = now_or_clock(now)
    application = (
        Application.objects.select_for_update()
        .select_related("call", "partner")
        .get(pk=application.pk)
    )
    _check_editable(actor, application, when)
    _check_confirmed(actor, application, confirmed_version)
    _check_complete(application)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = when
    application.submitted_by = actor
    application.save()
    _assign_receipt_number(application, when)
    mail_applicant(application, "calls/email/receipt")
    return application


@transaction.atomic
def attachment_add(
    *, actor, application: Application, upload, now: datetime | None = None
) -> Attachment:
    """Attach a PDF, Word, Excel, JPEG or PNG file (checked by its content), at most 10 MB."""
    _check_editable(actor, application, now)
    validate_upload(upload, ATTACHMENT_POLICY)
    name = upload.name
    attachment = Attachment(application=application, original_name=name[-255:], size=upload.size)
    attachment.file.save(name, upload, save=False)
    attachment.save()
    _bump(Application.objects.select_for_update().get(pk=application.pk))
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment, now: datetime | None = None) -> None:
    """Remove an attachment of a draft: the row now, the file once that is committed."""
    _check_editable(actor, attachment.application, now)
    attachment.delete()
    _bump(Application.objects.select_for_update().get(pk=attachment.application_id))
    delete_file_on_commit(attachment.file)


def receipt_number_normalize(value: str) -> str:
    """受付番号 as typed (全角, any hyphen, spaces, lower case) → the stored form."""
    return normalize.normalize_code(value).upper()
