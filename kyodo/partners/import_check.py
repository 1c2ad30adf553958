"""Reading a partner list as offices keep it in Excel, and checking each row (issue 17-7).

CSV is read as UTF-8 (with or without BOM) or Shift_JIS (cp932, what Excel in Japan writes
for 「CSV (コンマ区切り)」). Cells are taken as people and Excel write them: numbers
with thousands separators (「1,200,000」, 「20人」), dates as 和暦 (「H27.4.1」,
「平成27年4月1日」) or as Excel date cells, and an unknown type gets the closest known one
as a suggestion.

In update mode a row changes an existing partner: the one named by the ID column of a
previous export, else the only one with the same name and furigana; other rows are new.
Only the columns present in the file are changed, so a public export (without the contact
columns) never blanks a partner's contacts when imported back.
"""

import csv
import difflib
import io
import re
import unicodedata
import uuid
from datetime import date, datetime

from django import forms
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from kyodo.core.exports import FORMULA_STARTS
from kyodo.core.forms import (
    FuriganaField,
    JapaneseDateField,
    PhoneNumberField,
    PostalCodeField,
    YenField,
)
from kyodo.core.normalize import normalize_furigana, printable_text
from kyodo.partners.models import ActivityField, Partner, PartnerType
from kyodo.partners.transfer import HEADINGS, ID_HEADING, REQUIRED_HEADINGS, ImportError_

YES = {"はい", "有", "あり", "同意", "〇", "○", "yes", "true", "1"}
FIELD_SEPARATORS = re.compile(r"[、，,／/;；\n]+")

MODE_NEW = "new"
MODE_UPDATE = "update"


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


class CountField(forms.IntegerField):
    """A count as written in a sheet: 「1,200」, 「２０人」, 「35名」."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"\s", "", unicodedata.normalize("NFKC", value)).replace(",", "")
            value = value.removesuffix("人").removesuffix("名")
        return super().to_python(value)


class ImportRowForm(forms.Form):
    """One row of an import, checked with the same rules as the partner form."""

    id = forms.UUIDField(required=False)
    name = forms.CharField(max_length=200)
    name_kana = FuriganaField(max_length=200, required=False)
    partner_type = forms.CharField()
    representative = forms.CharField(max_length=100, required=False)
    founded_on = JapaneseDateField(required=False)
    member_count = CountField(min_value=0, required=False)
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
    annual_budget = YenField(min_value=0, required=False)

    def __init__(self, *args, types: dict, fields_by_name: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = types
        self.fields_by_name = fields_by_name

    def clean_partner_type(self):
        name = self.cleaned_data["partner_type"].strip()
        if name in self.types:
            return name
        suggestion = closest(name, self.types)
        if suggestion:
            raise forms.ValidationError(
                _("Unknown type 「%(name)s」. Did you mean 「%(suggestion)s」?")
                % {"name": name, "suggestion": suggestion},
                code="unknown_type",
            )
        raise forms.ValidationError(
            _("Unknown type 「%(name)s」. Known types: %(known)s.")
            % {"name": name, "known": "、".join(self.types)},
            code="unknown_type",
        )

    def clean_fields(self):
        names = [n.strip() for n in FIELD_SEPARATORS.split(self.cleaned_data["fields"] or "")]
        names = [n for n in names if n]
        unknown = [n for n in names if n not in self.fields_by_name]
        if unknown:
            guesses = {n: closest(n, self.fields_by_name) for n in unknown}
            hints = [f"「{n}」→「{guess}」" for n, guess in guesses.items() if guess]
            message = _("Unknown field of activity: %(names)s.") % {"names": "、".join(unknown)}
            if hints:
                message += " " + _("Closest known: %(hints)s.") % {"hints": "、".join(hints)}
            raise forms.ValidationError(message, code="unknown_field")
        return names

    def clean_listed_publicly(self):
        return (self.cleaned_data["listed_publicly"] or "").strip().casefold() in YES


def closest(name: str, known) -> str | None:
    """The known name an unknown one most likely means: 「ボランティア」 → 「ボランティア団体」.

    A name that contains the typed one (or is contained in it) wins when it is the only one;
    otherwise the most similar by difflib, if similar enough.
    """
    name = unicodedata.normalize("NFKC", name).strip()
    if not name:
        return None
    containing = [k for k in known if name in k or k in name]
    if len(containing) == 1:
        return containing[0]
    found = difflib.get_close_matches(name, containing or list(known), n=1, cutoff=0.5)
    return found[0] if found else None


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
        text = _plain(heading)
        attribute = "id" if text == ID_HEADING else HEADINGS.get(text)
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


class _Existing:
    """The registered partners, read once, to find what a row updates or duplicates."""

    def __init__(self):
        rows = Partner.objects.values_list("pk", "name", "name_kana", "representative")
        self.ids = set()
        self.by_name_kana: dict = {}
        self.name_representative = set()
        for pk, name, kana, representative in rows:
            self.ids.add(pk)
            self.by_name_kana.setdefault((name, normalize_furigana(kana)), []).append(pk)
            self.name_representative.add((name, representative))

    def target(self, data: dict) -> tuple[uuid.UUID | None, str | None]:
        """The partner a row updates, or an error when its ID names none."""
        if data.get("id"):
            if data["id"] in self.ids:
                return data["id"], None
            return None, _("No registered partner has this ID. Remove it to register a new one.")
        found = self.by_name_kana.get((data["name"], data["name_kana"]), [])
        if len(found) == 1:
            return found[0], None
        if len(found) > 1:
            return None, _("Several partners have this name and furigana: add the ID column.")
        return None, None


def check_rows(table: list[list], mode: str = MODE_NEW) -> list[dict]:
    """Each data row as {"line", "name", "data", "errors", "warnings", "partner_id"}.

    `data` is JSON-ready and normalised, holding only the columns the file has;
    `partner_id` is the partner the row updates (update mode), else None.
    """
    if not table:
        raise ImportError_(_("The file is empty."))
    mapping = _heading_map(table[0])
    labels = {attribute: heading for heading, attribute in HEADINGS.items()}
    labels["id"] = ID_HEADING
    types = {t.name: str(t.pk) for t in PartnerType.objects.all()}
    fields_by_name = {f.name: str(f.pk) for f in ActivityField.objects.all()}
    existing = _Existing()
    present = set(mapping.values())
    checked = []
    seen = set()
    targets = set()
    for line, row in enumerate(table[1:], start=2):
        values = {attribute: _plain(row[i]) for i, attribute in mapping.items() if i < len(row)}
        if not any(values.values()):
            continue  # blank lines are common at the end of a sheet
        form = ImportRowForm(values, types=types, fields_by_name=fields_by_name)
        errors = [] if form.is_valid() else _row_errors(form, labels)
        data, warnings, partner_id = {}, [], None
        if not errors:
            cleaned = form.cleaned_data
            if mode == MODE_UPDATE:
                partner_id, error = existing.target(cleaned)
                if error:
                    errors.append(error)
                elif partner_id in targets:
                    errors.append(_("Another row of this file updates the same partner."))
                targets.add(partner_id)
            key = (cleaned["name"], cleaned["representative"])
            if key in seen:
                errors.append(_("The same name and representative appear twice in this file."))
            seen.add(key)
            if partner_id is None and key in existing.name_representative:
                warnings.append(_("A partner with this name and representative already exists."))
            data = _json_ready(cleaned, present, types, fields_by_name)
        checked.append(
            {
                "line": line,
                "name": values.get("name", ""),
                "data": data,
                "errors": errors,
                "warnings": warnings,
                "partner_id": str(partner_id) if partner_id and not errors else None,
            }
        )
    return checked


def _json_ready(cleaned: dict, present: set, types: dict, fields_by_name: dict) -> dict:
    skipped = ("id", "partner_type", "fields")
    data = {key: value for key, value in cleaned.items() if key in present and key not in skipped}
    if "founded_on" in data:
        data["founded_on"] = data["founded_on"].isoformat() if data["founded_on"] else None
    data["partner_type_id"] = types[cleaned["partner_type"]]
    if "fields" in present:
        data["field_ids"] = [fields_by_name[name] for name in cleaned["fields"]]
    return data
