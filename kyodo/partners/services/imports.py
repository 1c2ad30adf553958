"""Importing partners from a spreadsheet: preview, confirm, and the run itself."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kyodo.core import records_version
from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import document_from_parts, index_bulk_create
from kyodo.core.search.models import SearchDocument
from kyodo.partners import import_check
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
def partner_import_preview(
    *, actor, filename: str, data: bytes, mode: str = import_check.MODE_NEW
) -> PartnerImport:
    """Read and check a partner list; nothing but the check itself is saved.

    In update mode (`import_check.MODE_UPDATE`) rows that name a registered partner change
    it. Raises transfer.ImportError_ when the file as a whole cannot be read.
    """
    require_perm(actor, "partners.import_partners")
    rows = import_check.check_rows(import_check.read_table(filename, data), mode)
    return PartnerImport.objects.create(
        created_by=actor, filename=filename[-255:], rows=rows, total=len(rows)
    )


def import_has_errors(partner_import: PartnerImport) -> bool:
    return any(row["errors"] for row in partner_import.rows)


def rows_to_save(partner_import: PartnerImport) -> list[dict]:
    """The rows a confirmation saves: those without a problem (the others are listed)."""
    return [row for row in partner_import.rows if not row["errors"]]


def partner_import_confirm(*, actor, partner_import: PartnerImport) -> PartnerImport:
    """Save the good rows of a checked import: now if small, else as a background task.

    Rows with problems are not saved; the preview lists them, so the person knows which.
    """
    bump("partners")
    require_perm(actor, "partners.import_partners")
    if partner_import.status != ImportStatus.PREVIEWED or not rows_to_save(partner_import):
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


def _documents(partner, type_name: str, fields: list[str]) -> list:
    title = title_parts(partner)
    body = body_parts(partner, type_name, fields, [])
    public = public_body_parts(partner, type_name, fields)
    return [
        document_from_parts(KIND, partner.pk, title, body),
        document_from_parts(PUBLIC_KIND, partner.pk, title, public, public_from(partner)),
    ]


class _Built:
    """What saving an import writes: new and changed partners, field links, documents."""

    def __init__(self):
        self.created, self.updated, self.links, self.documents = [], [], [], []
        self.relinked = []  # changed partners whose fields the file sets


def _build_partners(partner_import: PartnerImport) -> _Built:
    """Unsaved partners, their field links and search documents, reporting progress.

    The slow part (checking and cutting words) happens here, outside the saving transaction,
    so that the status page sees it move; the saving itself is one short transaction.
    """
    type_names = dict(PartnerType.objects.values_list("pk", "name"))
    field_names = dict(ActivityField.objects.values_list("pk", "name"))
    rows = rows_to_save(partner_import)
    targets = Partner.objects.in_bulk(
        [uuid.UUID(row["partner_id"]) for row in rows if row.get("partner_id")]
    )
    current_fields: dict = {}
    for partner_id, field_id in Partner.fields.through.objects.filter(
        partner_id__in=list(targets)
    ).values_list("partner_id", "activityfield_id"):
        current_fields.setdefault(partner_id, []).append(field_id)
    built = _Built()
    now = timezone.now()
    for index, row in enumerate(rows, start=1):
        values = dict(row["data"])
        field_ids = values.pop("field_ids", None)
        if row.get("partner_id"):
            partner = targets[uuid.UUID(row["partner_id"])]
            for key, value in values.items():
                setattr(partner, key, value)
            partner.lock_version += 1
            partner.updated_at = now  # bulk_update does not run auto_now
            built.updated.append(partner)
            if field_ids is not None:
                built.relinked.append(partner.pk)
        else:
            partner = Partner(**values)
            built.created.append(partner)
        partner.full_clean(exclude=["partner_type"])
        if field_ids is None:
            field_ids = current_fields.get(partner.pk, [])
        else:
            field_ids = [uuid.UUID(field_id) for field_id in field_ids]
            built.links += [(partner.pk, field_id) for field_id in field_ids]
        type_name = type_names[uuid.UUID(str(partner.partner_type_id))]
        fields = [field_names[field_id] for field_id in field_ids]
        built.documents += _documents(partner, type_name, fields)
        if index % 50 == 0:
            _progress(partner_import, processed=index)
    return built


def _save(built: _Built, actor) -> None:
    bulk_create_with_history(built.created, Partner, default_user=actor)
    if built.updated:
        names = [f.attname for f in Partner._meta.concrete_fields if not f.primary_key]
        bulk_update_with_history(built.updated, Partner, names, batch_size=500, default_user=actor)
    Through = Partner.fields.through
    Through.objects.filter(partner_id__in=built.relinked).delete()
    Through.objects.bulk_create(
        Through(partner_id=partner_id, activityfield_id=field_id)
        for partner_id, field_id in built.links
    )
    changed = [partner.pk for partner in built.updated]
    SearchDocument.objects.filter(kind__in=(KIND, PUBLIC_KIND), object_id__in=changed).delete()
    index_bulk_create(built.documents)


def partner_import_run(*, partner_import_id) -> PartnerImport:
    """Save the good rows of a checked import in one transaction, or none (run by the system)."""
    partner_import = PartnerImport.objects.get(pk=partner_import_id)
    actor = partner_import.created_by
    _progress(partner_import, status=ImportStatus.RUNNING, processed=0)
    try:
        built = _build_partners(partner_import)
        with transaction.atomic():
            _save(built, actor)
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
            created_count=len(built.created),
            updated_count=len(built.updated),
        )
    partner_import.refresh_from_db()
    return partner_import
