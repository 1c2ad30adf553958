"""One check for every uploaded file: its kind is read from its content, not from its name.

Each place that takes uploads (partner documents, call attachments, cycle evidence) declares an
`UploadPolicy`: the name endings it allows, its size limit and the sentence that tells a person
what to attach instead. `validate_upload` refuses a file that is too large, has another ending,
or whose content is not what its ending says (an HTML page renamed `.pdf` is refused), and one
that does not open as that kind of file (a PDF that pypdf cannot read, a broken Office archive,
a "%PDF" header followed by a web page). Files are
removed from storage only once the deletion of their row is committed (`delete_file_on_commit`),
so a rollback never leaves a row without its file.
"""

import zipfile
import zlib
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
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
_SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpeg", b"\x89PNG\r\n\x1a\n": "png"}

# What each name ending must contain, and the content type it is served with.
KINDS = {
    "pdf": ("pdf", "application/pdf"),
    "jpg": ("jpeg", "image/jpeg"),
    "jpeg": ("jpeg", "image/jpeg"),
    "png": ("png", "image/png"),
    "doc": ("ole", "application/msword"),
    "xls": ("ole", "application/vnd.ms-excel"),
    "ppt": ("ole", "application/vnd.ms-powerpoint"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    **{ext: (ext, content_type) for ext, content_type in _ODF_TYPES.items()},
}


@dataclass(frozen=True)
class UploadPolicy:
    extensions: tuple[str, ...]  # allowed name endings, lower case, without the dot
    max_bytes: int
    wrong_type: object  # a lazy sentence naming what may be attached
    field: str | None = None  # the form field the refusal belongs to, if the service knows it


def _zip_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return next((ext for ext, mt in _ODF_TYPES.items() if mt == mimetype), None)
            if "[Content_Types].xml" in names:
                parts = _OOXML_PARTS.items()
                return next(
                    (ext for ext, part in parts if any(n.startswith(part) for n in names)), None
                )
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def detect_kind(uploaded) -> str | None:
    """'pdf', 'jpeg', 'png', 'ole' (old Office), 'docx', 'xlsx', …, or None for anything else."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    kind = next((k for sig, k in _SIGNATURES.items() if head.startswith(sig)), None)
    if kind or head == _OLE_MAGIC:
        return kind or "ole"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(uploaded)
        uploaded.seek(0)
        return kind
    return None


# Markup that a browser would run if it ever rendered the file as a page: a file claiming to be
# a document or a picture has no business holding it near its start (a "%PDF" + HTML polyglot).
_MARKUP = (b"<html", b"<!doctype", b"<script", b"<svg", b"<body", b"<iframe")


def _pdf_opens(uploaded) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(uploaded, strict=False).pages) > 0
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return False


def _zip_is_sound(uploaded) -> bool:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError):
        return False


def _image_is_sound(kind: str, uploaded) -> bool:
    if kind == "png":
        uploaded.seek(12)
        return uploaded.read(4) == b"IHDR"  # the header chunk follows the signature
    uploaded.seek(max(uploaded.size - 1024, 0))
    return b"\xff\xd9" in uploaded.read()  # JPEG: the end-of-image marker near the end


def structure_is_sound(kind: str, uploaded) -> bool:
    """Whether the file really is what its first bytes say: it opens as that kind of file."""
    uploaded.seek(0)
    head = uploaded.read(1024).lower()
    uploaded.seek(0)
    if any(marker in head for marker in _MARKUP):
        return False
    try:
        if kind == "pdf":
            return _pdf_opens(uploaded)
        if kind in _OOXML_PARTS or kind in _ODF_TYPES:
            return _zip_is_sound(uploaded)
        if kind in ("png", "jpeg"):
            return _image_is_sound(kind, uploaded)
        return True  # the old binary Office formats: the compound-file header is checked
    finally:
        uploaded.seek(0)


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def _refuse(policy: UploadPolicy, message: str, code: str):
    error = ValidationError(message, code=code)
    raise ValidationError({policy.field: error}) if policy.field else error


def validate_upload(uploaded, policy: UploadPolicy) -> str:
    """The content type of an acceptable file; otherwise a ValidationError saying why not."""
    if uploaded.size > policy.max_bytes:
        _refuse(
            policy,
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(policy.max_bytes)},
            "too_large",
        )
    extension = extension_of(uploaded.name)
    if extension not in policy.extensions or extension not in KINDS:
        _refuse(policy, str(policy.wrong_type), "wrong_type")
    expected, content_type = KINDS[extension]
    if detect_kind(uploaded) != expected or not structure_is_sound(expected, uploaded):
        _refuse(
            policy,
            _("The content of this file is not a %(extension)s file; it was refused.")
            % {"extension": extension.upper()},
            "content_mismatch",
        )
    return content_type


def delete_file_on_commit(fieldfile) -> None:
    """Remove a stored file once the transaction deleting its row has committed."""
    if fieldfile:
        transaction.on_commit(partial(fieldfile.storage.delete, fieldfile.name), robust=True)
