"""Importing partners from a spreadsheet: preview, confirm, and the run itself."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kyodo.core import records_version
from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import document_from_parts, index_bulk_create
from kyodo.partners import transfer
from kyodo.partners.models import (
    ActivityField,
    ImportStatus,
    Partner,
    PartnerImport,
    PartnerType,
)
from kyodo.partners.search import (
    KIND,
    PUBLIC_KIND,
    body_parts,
    public_body_parts,
    public_from,
    title_parts,
)

# --- Import ----------------------------------------------------------------------------------


@transaction.atomic
def partner_import_preview(*, actor, filename: str, data: bytes) -> PartnerImport:
    """Read and check a partner list; nothing but the check itself is saved.

    Raises transfer.ImportError_ when the file as a whole cannot be read.
    """
    require_perm(actor, "partners.import_partners")
    rows = transfer.check_rows(transfer.read_table(filename, data))
    return PartnerImport.objects.create(
        created_by=actor, filename=filename[-255:], rows=rows, total=len(rows)
    )


def import_has_errors(partner_import: PartnerImport) -> bool:
    return any(row["errors"] for row in partner_import.rows)


def partner_import_confirm(*, actor, partner_import: PartnerImport) -> PartnerImport:
    """Save a checked import: now if small, else as a background task (see tasks.py)."""
    bump("partners")
    require_perm(actor, "partners.import_partners")
    if partner_import.status != ImportStatus.PREVIEWED or import_has_errors(partner_import):
        raise ValidationError(_("This import cannot be saved: fix the file and check it again."))
    if partner_import.total > settings.PARTNER_IMPORT_BACKGROUND_ROWS:
        from kyodo.partners.tasks import run_partner_import

        PartnerImport.objects.filter(pk=partner_import.pk).update(status=ImportStatus.QUEUED)
        run_partner_import.enqueue(str(partner_import.pk))
    else:
        partner_import_run(partner_import_id=partner_import.pk)
    partner_import.refresh_from_db()
    return partner_import


def _progress(partner_import: PartnerImport, **values) -> None:
    # Written outside the saving transaction so that the status page sees it move.
    PartnerImport.objects.filter(pk=partner_import.pk).update(**values)


def _build_partners(partner_import: PartnerImport):
    """Unsaved partners, their field links and search documents, reporting progress.

    The slow part (checking and cutting words) happens here, outside the saving transaction,
    so that the status page sees it move; the saving itself is one short transaction.
    """
    type_names = dict(PartnerType.objects.values_list("pk", "name"))
    field_names = dict(ActivityField.objects.values_list("pk", "name"))
    partners, links, documents = [], [], []
    for index, row in enumerate(partner_import.rows, start=1):
        values = dict(row["data"])
        field_ids = [uuid.UUID(field_id) for field_id in values.pop("field_ids")]
        partner = Partner(**values)
        partner.full_clean(exclude=["partner_type"])
        partners.append(partner)
        links += [(partner.pk, field_id) for field_id in field_ids]
        type_name = type_names[uuid.UUID(str(partner.partner_type_id))]
        fields = [field_names[field_id] for field_id in field_ids]
        title = title_parts(partner)
        body = body_parts(partner, type_name, fields, [])
        public = public_body_parts(partner, type_name, fields)
        documents.append(document_from_parts(KIND, partner.pk, title, body))
        documents.append(
            document_from_parts(PUBLIC_KIND, partner.pk, title, public, public_from(partner))
        )
        if index % 50 == 0:
            _progress(partner_import, processed=index)
    return partners, links, documents


def partner_import_run(*, partner_import_id) -> PartnerImport:
    """Save every row of a checked import in one transaction, or none (run by the system)."""
    partner_import = PartnerImport.objects.get(pk=partner_import_id)
    actor = partner_import.created_by
    _progress(partner_import, status=ImportStatus.RUNNING, processed=0)
    try:
        partners, links, documents = _build_partners(partner_import)
        with transaction.atomic():
            bulk_create_with_history(partners, Partner, default_user=actor)
            Through = Partner.fields.through
            Through.objects.bulk_create(
                Through(partner_id=partner_id, activityfield_id=field_id)
                for partner_id, field_id in links
            )
            index_bulk_create(documents)
            # bulk_create sends no signal: the public pages and the figures are told here.
            bump("partners")
            records_version.touch()
    except (ValidationError, DatabaseError) as exc:
        _progress(partner_import, status=ImportStatus.FAILED, message=str(exc)[:2000])
    else:
        _progress(
            partner_import,
            status=ImportStatus.DONE,
            processed=partner_import.total,
            created_count=len(partners),
        )
    partner_import.refresh_from_db()
    return partner_import
