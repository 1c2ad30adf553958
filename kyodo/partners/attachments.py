"""Checking uploaded documents by their content, not by the name they were given."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Office Open XML files are zip archives holding [Content_Types].xml and a part named after
# the application; OpenDocument ones hold a `mimetype` entry naming the format.
_OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# The compound file header of the old binary Office formats (.doc, .xls, .ppt).
_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
ALLOWED_EXTENSIONS = ("pdf", "doc", "xls", "ppt", *_OOXML_PARTS, *_ODF_TYPES)


def _zip_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return next((ext for ext, mt in _ODF_TYPES.items() if mt == mimetype), None)
            if "[Content_Types].xml" in names:
                return next(
                    (
                        ext
                        for ext, part in _OOXML_PARTS.items()
                        if any(name.startswith(part) for name in names)
                    ),
                    None,
                )
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def detect_kind(uploaded) -> str | None:
    """'pdf', 'ole' (old Office), 'docx', 'xlsx', …, or None for anything else."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == _OLE_MAGIC:
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(uploaded)
        uploaded.seek(0)
        return kind
    return None


def validate_document(uploaded) -> None:
    """Refuse with the reason: too large, not PDF/Office, or content not matching the name."""
    limit = settings.PARTNER_ATTACHMENT_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    name = uploaded.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Only PDF or Office files (Word, Excel, PowerPoint, OpenDocument) can be attached."),
            code="wrong_type",
        )
    kind = detect_kind(uploaded)
    expected = "ole" if extension in ("doc", "xls", "ppt") else extension
    if kind != expected:
        raise ValidationError(
            _("The content of this file is not a %(extension)s file; it was refused.")
            % {"extension": extension.upper()},
            code="content_mismatch",
        )
