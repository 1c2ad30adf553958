"""Reading and writing partner lists as .xlsx and CSV (issue 3, item 7).

Columns carry Japanese headings, the same on import and export, so that an exported file can
be edited in Excel and imported again. CSV is read as UTF-8 (with or without BOM) or
Shift_JIS (cp932, what Excel in Japan writes) and written as UTF-8 with BOM.

Exported text cells go through `kyodo.core.exports.safe_cell` (no formula runs when the file is
opened, no control character breaks the file); imported cells are cleaned like any typed text
(`kyodo.core.normalize`) before the row form checks them.
"""

import csv
import io
import re
import tempfile
from datetime import date, datetime

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from kyodo.core.exports import FORMULA_STARTS, safe_cell
from kyodo.core.forms import FuriganaField, PhoneNumberField, PostalCodeField
from kyodo.core.normalize import printable_text
from kyodo.partners.models import ActivityField, Partner, PartnerType

# (heading, attribute) of the public columns, then those only staff exports carry.
PUBLIC_COLUMNS = [
    ("名称", "name"),
    ("フリガナ", "name_kana"),
    ("種別", "partner_type"),
    ("代表者", "representative"),
    ("設立日", "founded_on"),
    ("会員数", "member_count"),
    ("活動分野", "fields"),
    ("活動地域", "area_served"),
    ("ウェブサイト", "website"),
    ("活動内容", "activity"),
    ("公開への同意", "listed_publicly"),
]
PRIVATE_COLUMNS = [
    ("郵便番号", "postal_code"),
    ("住所", "address"),
    ("連絡担当者", "contact_name"),
    ("連絡先電話番号", "contact_phone"),
    ("連絡先メールアドレス", "contact_email"),
    ("年間予算（円）", "annual_budget"),
]
HEADINGS = {heading: attribute for heading, attribute in PUBLIC_COLUMNS + PRIVATE_COLUMNS}
REQUIRED_HEADINGS = ("名称", "種別")
YES = {"はい", "有", "あり", "同意", "〇", "○", "yes", "true", "1"}
FIELD_SEPARATORS = re.compile(r"[、，,／/;；\n]+")


class ImportError_(ValueError):
    """The file as a whole cannot be read (not a row problem)."""


def columns(include_private: bool) -> list[tuple[str, str]]:
    return PUBLIC_COLUMNS + (PRIVATE_COLUMNS if include_private else [])


# Rows read from the database at a time: an export of 20,000 partners never holds them all.
EXPORT_CHUNK = 2000
# Where a column's value is in `values_list` (the others are the partner's own field).
_VALUE_OF = {"partner_type": "partner_type__name"}


def _cell(value, attribute: str):
    if attribute == "listed_publicly":
        return "はい" if value else "いいえ"
    return "" if value is None else value


def _chunks(partners, names: list[str]):
    """Lists of value rows of `partners`: a queryset in its order, or partner ids in theirs."""
    if isinstance(partners, QuerySet):
        rows = partners.select_related(None).prefetch_related(None).values_list(*names)
        chunk = []
        for row in rows.iterator(chunk_size=EXPORT_CHUNK):
            chunk.append(row)
            if len(chunk) == EXPORT_CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
        return
    ids = list(partners)
    for start in range(0, len(ids), EXPORT_CHUNK):
        part = ids[start : start + EXPORT_CHUNK]
        found = {row[0]: row for row in Partner.objects.filter(pk__in=part).values_list(*names)}
        yield [found[pk] for pk in part if pk in found]


def _field_names(ids) -> dict:
    """Each partner's activity fields, joined as the form shows them (one query per chunk)."""
    through = Partner.fields.through.objects.filter(partner_id__in=ids)
    joined: dict = {}
    ordered = through.order_by("activityfield__sort_order", "activityfield__name")
    for partner_id, name in ordered.values_list("partner_id", "activityfield__name"):
        joined.setdefault(partner_id, []).append(name)
    return {partner_id: "、".join(names) for partner_id, names in joined.items()}


def export_rows(partners, include_private: bool):
    """The heading, then one row per partner, read in chunks as plain values.

    `partners` is a queryset (its order is kept) or a list of partner ids (the search's order).
    """
    cols = columns(include_private)
    yield [heading for heading, _attr in cols]
    attributes = [attribute for _heading, attribute in cols if attribute != "fields"]
    names = ["pk", *(_VALUE_OF.get(attribute, attribute) for attribute in attributes)]
    for chunk in _chunks(partners, names):
        fields = _field_names([row[0] for row in chunk])
        for row in chunk:
            values = dict(zip(attributes, row[1:], strict=True))
            values["fields"] = fields.get(row[0], "")
            yield [safe_cell(_cell(values[attribute], attribute)) for _h, attribute in cols]


def export_xlsx_file(partners, include_private: bool):
    """The workbook in a temporary file (openpyxl's write-only mode keeps no rows in memory)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("協働の主体")
    for row in export_rows(partners, include_private):
        sheet.append(row)
    # Left open on purpose: the response streams it to the visitor and closes it.
    file = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(file)
    file.seek(0)
    return file


def export_xlsx(partners, include_private: bool) -> bytes:
    with export_xlsx_file(partners, include_private) as file:
        return file.read()


def _csv_value(value):
    return value.isoformat() if isinstance(value, date) else value


class _Line:
    """A file-like object that hands back what csv.writer writes (for streaming)."""

    def write(self, value: str) -> str:
        return value


def export_csv_chunks(partners, include_private: bool):
    """The CSV as bytes, a block of rows at a time, for a streamed response."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    # The BOM makes Excel in Japan open UTF-8 correctly.
    block = ["\ufeff"]
    for row in export_rows(partners, include_private):
        block.append(
            writer.writerow(
                [value.isoformat() if isinstance(value, date) else value for value in row]
            )
        )
        if len(block) >= 500:
            yield "".join(block).encode("utf-8")
            block = []
    yield "".join(block).encode("utf-8")


def export_csv(partners, include_private: bool) -> bytes:
    return b"".join(export_csv_chunks(partners, include_private))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError as exc:
        raise ImportError_(
            _("The file could not be read as UTF-8 or Shift_JIS text. Save it as CSV again.")
        ) from exc


def read_table(filename: str, data: bytes) -> list[list]:
    """The rows of an .xlsx or CSV file (first sheet), headings included."""
    if filename.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ImportError_(_("The file is not a readable Excel (.xlsx) file.")) from exc
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
        return rows
    if filename.lower().endswith(".csv"):
        return list(csv.reader(io.StringIO(_decode(data))))
    raise ImportError_(_("Choose an Excel (.xlsx) or CSV (.csv) file."))


class ImportRowForm(forms.Form):
    """One row of an import, checked with the same rules as the partner form."""

    name = forms.CharField(max_length=200)
    name_kana = FuriganaField(max_length=200, required=False)
    partner_type = forms.CharField()
    representative = forms.CharField(max_length=100, required=False)
    founded_on = forms.DateField(
        required=False, input_formats=["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d"]
    )
    member_count = forms.IntegerField(min_value=0, required=False)
    fields = forms.CharField(required=False)
    area_served = forms.CharField(max_length=200, required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    activity = forms.CharField(required=False)
    listed_publicly = forms.CharField(required=False)
    postal_code = PostalCodeField(required=False)
    address = forms.CharField(max_length=300, required=False)
    contact_name = forms.CharField(max_length=100, required=False)
    contact_phone = PhoneNumberField(required=False)
    contact_email = forms.EmailField(required=False)
    annual_budget = forms.IntegerField(min_value=0, required=False)

    def __init__(self, *args, types: dict, fields_by_name: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = types
        self.fields_by_name = fields_by_name

    def clean_partner_type(self):
        name = self.cleaned_data["partner_type"].strip()
        if name not in self.types:
            raise forms.ValidationError(
                _("Unknown type 「%(name)s」.") % {"name": name}, code="unknown_type"
            )
        return name

    def clean_fields(self):
        names = [n.strip() for n in FIELD_SEPARATORS.split(self.cleaned_data["fields"] or "")]
        names = [n for n in names if n]
        unknown = [n for n in names if n not in self.fields_by_name]
        if unknown:
            raise forms.ValidationError(
                _("Unknown field of activity: %(names)s.") % {"names": "、".join(unknown)},
                code="unknown_field",
            )
        return names

    def clean_listed_publicly(self):
        return (self.cleaned_data["listed_publicly"] or "").strip().casefold() in YES


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        text = text[1:]  # the apostrophe our own export put before a formula-like cell
    return printable_text(text).strip()


def _heading_map(headings: list) -> dict[int, str]:
    mapping = {}
    for index, heading in enumerate(headings):
        attribute = HEADINGS.get(_plain(heading))
        if attribute:
            mapping[index] = attribute
    missing = [h for h in REQUIRED_HEADINGS if HEADINGS[h] not in mapping.values()]
    if missing:
        raise ImportError_(
            _("The first row must hold the column headings; missing: %(names)s.")
            % {"names": "、".join(missing)}
        )
    return mapping


def _row_errors(form: ImportRowForm, labels: dict) -> list[str]:
    messages = []
    for attribute, errors in form.errors.items():
        for error in errors:
            messages.append(f"{labels.get(attribute, attribute)}: {error}")
    return messages


def check_rows(table: list[list]) -> list[dict]:
    """Each data row as {"line", "data", "errors"}; data is JSON-ready, normalised."""
    if not table:
        raise ImportError_(_("The file is empty."))
    mapping = _heading_map(table[0])
    labels = {attribute: heading for heading, attribute in HEADINGS.items()}
    types = {t.name: str(t.pk) for t in PartnerType.objects.all()}
    fields_by_name = {f.name: str(f.pk) for f in ActivityField.objects.all()}
    existing = set(Partner.objects.values_list("name", "representative"))
    checked = []
    seen = set()
    for line, row in enumerate(table[1:], start=2):
        values = {attribute: _plain(row[i]) for i, attribute in mapping.items() if i < len(row)}
        if not any(values.values()):
            continue  # blank lines are common at the end of a sheet
        form = ImportRowForm(values, types=types, fields_by_name=fields_by_name)
        errors = [] if form.is_valid() else _row_errors(form, labels)
        data = {}
        warnings = []
        if not errors:
            data = _json_ready(form.cleaned_data, types, fields_by_name)
            key = (data["name"], data["representative"])
            if key in seen:
                errors.append(_("The same name and representative appear twice in this file."))
            seen.add(key)
            if key in existing:
                warnings.append(_("A partner with this name and representative already exists."))
        checked.append(
            {
                "line": line,
                "name": values.get("name", ""),
                "data": data,
                "errors": errors,
                "warnings": warnings,
            }
        )
    return checked


def _json_ready(cleaned: dict, types: dict, fields_by_name: dict) -> dict:
    data = {key: value for key, value in cleaned.items() if key not in ("partner_type", "fields")}
    data["founded_on"] = cleaned["founded_on"].isoformat() if cleaned["founded_on"] else None
    data["partner_type_id"] = types[cleaned["partner_type"]]
    data["field_ids"] = [fields_by_name[name] for name in cleaned["fields"]]
    return data
