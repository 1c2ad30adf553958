"""Reading and writing partner lists as .xlsx and CSV (issue 3, item 7).

Columns carry Japanese headings, the same on import and export, so that an exported file can
be edited in Excel and imported again (its ID column lets an update import find each partner).
CSV is written as UTF-8 with BOM; reading and checking is in `import_check`. The workbook is
laid out as offices expect (issue 17-7): a bold, frozen heading row with a filter, columns
wide enough to read, dates as date cells and counts and amounts as 「#,##0」 numbers.

Exported text cells go through `kyodo.core.exports.safe_cell` (no formula runs when the file is
opened, no control character breaks the file); imported cells are cleaned like any typed text
(`kyodo.core.normalize`) before the row form checks them.
"""

import csv
from datetime import date

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kyodo.core.exports import safe_cell, saved_workbook
from kyodo.partners.models import Partner

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
# The partner's key, first in every export: an update import matches rows by it.
ID_HEADING = "ID"
# Width of each column in the workbook (in characters; Japanese ones count about double).
WIDTHS = {"pk": 38, "name": 30, "name_kana": 30, "fields": 24, "activity": 50, "address": 40}
WIDTHS |= {"website": 30, "contact_email": 30, "area_served": 20, "representative": 16}
NUMBER_FORMATS = {"member_count": "#,##0", "annual_budget": "#,##0", "founded_on": "yyyy/mm/dd"}


class ImportError_(ValueError):
    """The file as a whole cannot be read (not a row problem)."""


def columns(include_private: bool) -> list[tuple[str, str]]:
    return PUBLIC_COLUMNS + (PRIVATE_COLUMNS if include_private else [])


def export_columns(include_private: bool) -> list[tuple[str, str]]:
    """The export's columns: the ID, then the import's columns."""
    return [(ID_HEADING, "pk"), *columns(include_private)]


# Rows read from the database at a time: an export of 20,000 partners never holds them all.
EXPORT_CHUNK = 2000
# Where a column's value is in `values_list` (the others are the partner's own field).
_VALUE_OF = {"partner_type": "partner_type__name"}


def _cell(value, attribute: str):
    if attribute == "listed_publicly":
        return "はい" if value else "いいえ"
    if attribute == "pk":
        return str(value)
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
    cols = export_columns(include_private)
    yield [heading for heading, _attr in cols]
    attributes = [attribute for _heading, attribute in cols if attribute != "fields"]
    names = [_VALUE_OF.get(attribute, attribute) for attribute in attributes]
    for chunk in _chunks(partners, names):
        fields = _field_names([row[0] for row in chunk])
        for row in chunk:
            values = dict(zip(attributes, row, strict=True))
            values["fields"] = fields.get(row[0], "")
            yield [safe_cell(_cell(values[attribute], attribute)) for _h, attribute in cols]


def export_xlsx_file(partners, include_private: bool):
    """The workbook in a temporary file (openpyxl's write-only mode keeps no rows in memory)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("協働の主体")
    attributes = [attribute for _heading, attribute in export_columns(include_private)]
    # Set before the first row: write-only sheets write their layout ahead of the rows.
    for number, attribute in enumerate(attributes, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = WIDTHS.get(attribute, 14)
    sheet.freeze_panes = "A2"
    rows = export_rows(partners, include_private)
    bold = Font(bold=True)
    sheet.append([_styled(sheet, heading, font=bold) for heading in next(rows)])
    # Only the few number and date cells carry a style; the rest stay plain (fast).
    formatted = [(i, NUMBER_FORMATS[a]) for i, a in enumerate(attributes) if a in NUMBER_FORMATS]
    count = 1
    for row in rows:
        for index, number_format in formatted:
            if row[index] != "":
                row[index] = _styled(sheet, row[index], number_format=number_format)
        sheet.append(row)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(attributes))}{count}"
    # Left open on purpose: the response streams it to the visitor and closes it.
    return saved_workbook(workbook)


def _styled(sheet, value, font=None, number_format=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if font:
        cell.font = font
    if number_format:
        cell.number_format = number_format
    return cell


def export_xlsx(partners, include_private: bool) -> bytes:
    with export_xlsx_file(partners, include_private) as file:
        return file.read()


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
