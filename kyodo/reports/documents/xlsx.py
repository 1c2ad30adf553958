"""The annual report as an Excel workbook, written row by row (openpyxl's write-only mode)."""

from collections.abc import Callable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from kyodo.core.exports import safe_cell
from kyodo.reports.documents.content import (
    PROJECT_COLUMNS,
    measures_tables,
    section_table,
    title,
)
from kyodo.reports.figures import Dashboard

BOLD = Font(bold=True)


def _bold_row(sheet, values) -> None:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=safe_cell(str(value)))
        cell.font = BOLD
        cells.append(cell)
    sheet.append(cells)


def _table(sheet, rows: list[list]) -> None:
    _bold_row(sheet, rows[0])
    for row in rows[1:]:
        sheet.append([safe_cell(value) for value in row])
    sheet.append([])


def write_workbook(path, board: Dashboard, rows, progress: Callable[[int], None]) -> int:
    """Write the report to `path`; returns the number of projects listed."""
    book = Workbook(write_only=True)
    summary = book.create_sheet(_("Summary"))
    summary.column_dimensions["A"].width = 48
    _bold_row(summary, [title(board.scope.year)])
    summary.append([])
    for section in board.sections:
        _bold_row(summary, [section.title])
        summary.append([section.definition])
        _table(summary, section_table(section))
    projects = book.create_sheet(_("Collaborative projects"))
    projects.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHI", [40, 24, 16, 14, 40, 14, 14, 12, 16], strict=True):
        projects.column_dimensions[column].width = width
    _bold_row(projects, PROJECT_COLUMNS)
    count = 0
    for row in rows:
        projects.append(
            [
                safe_cell(row.title),
                row.department,
                row.form,
                row.status,
                safe_cell(row.partners),
                row.budget,
                row.actual,
                row.verified_by,
                row.evaluation,
            ]
        )
        count += 1
        if count % 500 == 0:
            progress(count)
    measures = book.create_sheet(_("Promotion measures"))
    measures.column_dimensions["A"].width = 32
    for name, table in measures_tables(board):
        _bold_row(measures, [name])
        _table(measures, table)
    book.save(path)
    progress(count)
    return count
