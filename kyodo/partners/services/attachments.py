"""Documents attached to a partner's profile, checked by their content."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.core.uploads import UploadPolicy, delete_file_on_commit, validate_upload
from kyodo.partners.models import (
    Partner,
    PartnerAttachment,
)
from kyodo.partners.services.profiles import _attribute_history


def attachment_policy() -> UploadPolicy:
    """PDF or Office documents, up to PARTNER_ATTACHMENT_MAX_BYTES (read when uploading)."""
    return UploadPolicy(
        extensions=("pdf", "doc", "xls", "ppt", "docx", "xlsx", "pptx", "odt", "ods", "odp"),
        max_bytes=settings.PARTNER_ATTACHMENT_MAX_BYTES,
        wrong_type=_(
            "Only PDF or Office files (Word, Excel, PowerPoint, OpenDocument) can be attached."
        ),
    )


@transaction.atomic
def attachment_add(
    *, actor, partner: Partner, uploaded_file, kind: str, title: str
) -> PartnerAttachment:
    """Attach a PDF or Office document, checked by its content and size."""
    require_perm(actor, "partners.change_partner", partner)
    validate_upload(uploaded_file, attachment_policy())
    attachment = PartnerAttachment(
        partner=partner,
        kind=kind,
        title=title.strip() or uploaded_file.name,
        filename=uploaded_file.name[-255:],
        size=uploaded_file.size,
        uploaded_by=actor,
    )
    attachment.file.save(uploaded_file.name, uploaded_file, save=False)
    attachment.full_clean()
    _attribute_history(attachment, actor)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_delete(*, actor, attachment: PartnerAttachment) -> None:
    require_perm(actor, "partners.change_partner", attachment.partner)
    _attribute_history(attachment, actor)
    delete_file_on_commit(attachment.file)
    attachment.delete()
