"""Applications: the organisation's draft, its attachments and its submission."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyodo.calls.models import Application, ApplicationStatus, Attachment, Call
from kyodo.calls.rules import deadline_refusal
from kyodo.calls.selectors import last_receipt_number
from kyodo.calls.services.common import mail_applicant, now_or_clock, raise_if, refuse
from kyodo.core import normalize
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


@transaction.atomic
def application_save_draft(
    *, actor, call: Call, partner: Partner, now: datetime | None = None, **fields
) -> Application:
    """Create or update the organisation's draft (before the deadline, while not submitted)."""
    require_perm(actor, "calls.apply")
    require_perm(actor, "calls.apply_for", partner)
    call = Call.objects.select_for_update().get(pk=call.pk)
    application, _created = Application.objects.get_or_create(
        call=call, partner=partner, defaults={"created_by": actor}
    )
    application.call = call
    _check_editable(actor, application, now)
    for name, value in fields.items():
        if name not in APPLICATION_FIELDS:
            raise TypeError(name)
        setattr(application, name, value)
    application.full_clean()
    application.save()
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


def _check_complete(application: Application) -> None:
    missing = [
        str(Application._meta.get_field(name).verbose_name)
        for name in ("proposal", "plan")
        if not getattr(application, name).strip()
    ]
    if missing:
        refuse(
            _("Fill in before submitting: %(fields)s.") % {"fields": "、".join(missing)},
            "incomplete",
        )
    ceiling = application.call.budget_ceiling
    # A draft may go over while the group works on it; what is submitted must fit the call.
    if ceiling is not None and (application.budget_amount or 0) > ceiling:
        refuse(
            _(
                "The budget of %(amount)s yen is over the call's ceiling of %(ceiling)s yen: "
                "lower it before submitting."
            )
            % {"amount": f"{application.budget_amount:,}", "ceiling": f"{ceiling:,}"},
            "over_ceiling",
        )


@transaction.atomic
def application_submit(
    *, actor, application: Application, now: datetime | None = None
) -> Application:
    """Submit before the deadline (server time): gives the receipt number and mails it."""
    when = now_or_clock(now)
    application = (
        Application.objects.select_for_update()
        .select_related("call", "partner")
        .get(pk=application.pk)
    )
    _check_editable(actor, application, when)
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
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment, now: datetime | None = None) -> None:
    """Remove an attachment of a draft: the row now, the file once that is committed."""
    _check_editable(actor, attachment.application, now)
    attachment.delete()
    delete_file_on_commit(attachment.file)


def receipt_number_normalize(value: str) -> str:
    """受付番号 as typed (全角, any hyphen, spaces, lower case) → the stored form."""
    return normalize.normalize_code(value).upper()
