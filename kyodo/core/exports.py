"""Cells for CSV and Excel exports that a spreadsheet never runs as a formula (issue 12.7).

OWASP's advice on CSV injection: a text cell starting with =, +, -, @, tab or carriage return
is read by Excel and LibreOffice as a formula; a leading apostrophe makes it plain text. Cells
also lose the control characters an .xlsx file cannot hold (openpyxl refuses them), so stored
text never makes an export fail.
"""

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from kyodo.core.normalize import printable_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as an export cell: strings neutralised and cleaned, anything else unchanged."""
    if not isinstance(value, str):
        return value
    # Cleaned first: a dropped control character must not uncover a formula start ("\x00\t=").
    # A printable string holds no control character, line end or surrogate: nothing to clean
    # (the C test is ten times cheaper than the three substitutions, for 100,000-row exports).
    if not value.isprintable():
        value = printable_text(value)
    # Cleaning turns a leading CR into a line feed, which spreadsheets skip as well.
    if value.startswith((*FORMULA_STARTS, "\n")):
        value = "'" + value
    return value


def saved_workbook(workbook):
    """`workbook` saved into a temporary file, returned open at its start. With openpyxl's
    write-only mode neither the rows nor the saved file are ever whole in memory; the caller
    streams the file on (a response, the database) and closes it."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the caller, after streaming)
    workbook.save(file)
    file.seek(0)
    return file


class _Line:
    """A file-like object whose write() hands back what csv.writer wrote (one row)."""

    def write(self, text: str) -> str:
        return text


def csv_pieces(columns: list[str], rows: Iterable[list], per_piece: int = 500) -> Iterator[bytes]:
    """A CSV file in pieces of `per_piece` rows, for a StreamingHttpResponse: UTF-8 with a BOM
    (so that Excel in Japan opens it correctly), CRLF line ends, every cell through safe_cell.
    `rows` may be a generator reading the database in chunks: the file is never whole."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    piece = ["\ufeff", writer.writerow(columns)]
    for row in rows:
        piece.append(writer.writerow([safe_cell(value) for value in row]))
        if len(piece) >= per_piece:
            yield "".join(piece).encode("utf-8")
            piece = []
    yield "".join(piece).encode("utf-8")


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def file_name_part(text: str, limit: int = 40) -> str:
    """A piece of a download's file name from free text: characters Windows refuses and
    spaces become 「_」, and it is cut so that the whole name stays short."""
    cleaned = _UNSAFE_IN_FILE_NAMES.sub("_", printable_text(text)).strip("_.")
    return cleaned[:limit] or "_"


def attachment_disposition(filename: str, ascii_fallback: str) -> str:
    """Content-Disposition for a download named in Japanese (協定書_花いっぱい運動_第1版.docx),
    with an ASCII name for the clients that cannot read RFC 5987's UTF-8 form."""
    fallback = ascii_fallback.encode("ascii", "ignore").decode().replace('"', "")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
