"""Partnership agreements (連携協定, §5-5) and what is done under them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import require_perm
from kyodo.core.uploads import UploadPolicy, delete_file_on_commit, validate_upload
from kyodo.engagement.models import AgreementActivity, PartnershipAgreement
from kyodo.engagement.services.common import department_of_record, refuse_future, save_recorded

AGREEMENT_FIELDS = (
    "partner",
    "title",
    "purpose",
    "signed_on",
    "starts_on",
    "ends_on",
    "auto_renew",
    "status",
)


def document_policy() -> UploadPolicy:
    """The signed agreement: a PDF or an Office document (read when uploading)."""
    return UploadPolicy(
        extensions=("pdf", "doc", "docx", "odt"),
        max_bytes=settings.PARTNER_ATTACHMENT_MAX_BYTES,
        wrong_type=_("Only a PDF or a Word document can be attached as the agreement."),
    )


def _apply(agreement: PartnershipAgreement, fields: dict) -> None:
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(agreement, name, value)
    if agreement.ends_on and agreement.starts_on and agreement.ends_on < agreement.starts_on:
        raise ValidationError({"ends_on": _("The agreement cannot end before it starts.")})


def _attach(agreement: PartnershipAgreement, document) -> None:
    if document is None:
        return
    validate_upload(document, document_policy())
    if agreement.document:
        delete_file_on_commit(agreement.document)
    agreement.document_name = document.name[-255:]
    agreement.document.save(document.name, document, save=False)


@transaction.atomic
def agreement_create(
    *, actor, department=None, fields_of_activity=(), document=None, **fields
) -> PartnershipAgreement:
    bump("engagement")
    require_perm(actor, "engagement.create_agreement")
    agreement = PartnershipAgreement(department=department_of_record(actor, department))
    _apply(agreement, fields)
    _attach(agreement, document)
    save_recorded(agreement, actor, exclude=("document",))
    agreement.fields.set(fields_of_activity)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    actor,
    agreement: PartnershipAgreement,
    lock_version=None,
    fields_of_activity=None,
    document=None,
    **fields,
) -> PartnershipAgreement:
    bump("engagement")
    require_perm(actor, "engagement.change_agreement", agreement)
    check_lock(PartnershipAgreement, agreement, lock_version)
    _apply(agreement, fields)
    _attach(agreement, document)
    agreement.lock_version += 1
    save_recorded(agreement, actor, exclude=("document",))
    if fields_of_activity is not None:
        agreement.fields.set(fields_of_activity)
    return agreement


@transaction.atomic
def agreement_activity_add(
    *, actor, agreement: PartnershipAgreement, date, title: str, project=None, training=None
) -> AgreementActivity:
    """Record something done under the agreement; it keeps the agreement from looking dormant."""
    bump("engagement")
    require_perm(actor, "engagement.change_agreement", agreement)
    refuse_future(date)
    if date < agreement.starts_on:
        raise ValidationError({"date": _("This is before the agreement came into force.")})
    activity = AgreementActivity(
        agreement=agreement, date=date, title=title.strip(), project=project, training=training
    )
    save_recorded(activity, actor)
    return activity
