"""Cells for CSV and Excel exports that a spreadsheet never runs as a formula (issue 12.7).

OWASP's advice on CSV injection: a text cell starting with =, +, -, @, tab or carriage return
is read by Excel and LibreOffice as a formula; a leading apostrophe makes it plain text. Cells
also lose the control characters an .xlsx file cannot hold (openpyxl refuses them), so stored
text never makes an export fail.
"""

from kyodo.core.normalize import printable_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as an export cell: strings neutralised and cleaned, anything else unchanged."""
    if not isinstance(value, str):
        return value
    # Cleaned first: a dropped control character must not uncover a formula start ("\x00\t=").
    value = printable_text(value)
    # Cleaning turns a leading CR into a line feed, which spreadsheets skip as well.
    if value.startswith((*FORMULA_STARTS, "\n")):
        value = "'" + value
    return value
