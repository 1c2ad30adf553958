"""The annual report as a PDF in Japanese, its font embedded (kyodo.core.pdf_font)."""

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from kyodo.core.pdf_font import FONT_NAME, japanese_font
from kyodo.reports.documents.content import (
    PROJECT_COLUMNS,
    measures_tables,
    section_table,
    title,
)
from kyodo.reports.figures import Dashboard

FONT = FONT_NAME  # registered by japanese_font() before the first use
ROWS_PER_TABLE = 400
LIST_FONT_SIZE = 7  # long lists go as several tables: ReportLab splits each one page by page

GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f1fe")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
)
LIST_GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), FONT, LIST_FONT_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f1fe")),
        ("ALIGN", (5, 1), (6, -1), "RIGHT"),
    ]
)


def _register_font() -> None:
    japanese_font()


def _text(value) -> str:
    return escape(str(value if value is not None else ""))


def _amount(value) -> str:
    return f"{value:,}" if isinstance(value, int) else "—"


# Column widths (mm) of the project list; a cell longer than its column is cut with "…" (the
# workbook has every word: a PDF of 10,000 projects with wrapped cells takes minutes to lay out).
LIST_WIDTHS = [70, 38, 22, 18, 60, 18, 18, 14, 16]


def _fit(text: str, width_mm: float) -> str:
    room = int(width_mm * mm / LIST_FONT_SIZE) - 1  # full-width characters that fit
    return text if len(text) <= room else text[: max(room - 1, 1)] + "…"


def write_pdf(path, board: Dashboard, rows: list, progress: Callable[[int], None]) -> int:
    _register_font()
    heading = ParagraphStyle("h", fontName=FONT, fontSize=12, leading=18, spaceBefore=8)
    story = [
        Paragraph(
            _text(title(board.scope.year)),
            ParagraphStyle("t", parent=heading, fontSize=16, leading=24),
        ),
        Spacer(1, 4 * mm),
    ]
    for section in board.sections:
        story.append(Paragraph(_text(section.title), heading))
        story.append(LongTable(section_table(section), repeatRows=1, style=GRID))
    for name, table in measures_tables(board):
        story.append(Paragraph(_text(name), heading))
        story.append(LongTable(table, repeatRows=1, style=GRID))
    header = [str(column) for column in PROJECT_COLUMNS]
    widths = [width * mm for width in LIST_WIDTHS]
    story.append(Paragraph(_text(header[0]), heading))
    for first in range(0, len(rows), ROWS_PER_TABLE):
        table = [header]
        for row in rows[first : first + ROWS_PER_TABLE]:
            cells = [
                row.title,
                row.department,
                row.form,
                row.status,
                row.partners,
                _amount(row.budget),
                _amount(row.actual),
                row.verified_by,
                row.evaluation,
            ]
            table.append([_fit(str(c), w) for c, w in zip(cells, LIST_WIDTHS, strict=True)])
        story.append(LongTable(table, colWidths=widths, repeatRows=1, style=LIST_GRID))
        progress(first + len(table) - 1)
    count = len(rows)
    document = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title(board.scope.year),
    )
    document.build(story)
    progress(count)
    return count
