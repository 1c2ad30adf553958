"""The annual report as a PDF in Japanese (ReportLab's built-in Japanese CID fonts)."""

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from kyodo.reports.documents.content import (
    PROJECT_COLUMNS,
    measures_tables,
    section_table,
    title,
)
from kyodo.reports.documents.rows import project_rows
from kyodo.reports.figures import Dashboard

FONT = "HeiseiKakuGo-W5"
ROWS_PER_TABLE = 400  # long lists go as several tables: ReportLab splits each one page by page

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
        ("FONT", (0, 0), (-1, -1), FONT, 7),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f1fe")),
        ("ALIGN", (5, 1), (6, -1), "RIGHT"),
    ]
)


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _text(value) -> str:
    return escape(str(value if value is not None else ""))


def _amount(value) -> str:
    return f"{value:,}" if isinstance(value, int) else "—"


def write_pdf(path, board: Dashboard, labels: dict, progress: Callable[[int], None]) -> int:
    _register_font()
    heading = ParagraphStyle("h", fontName=FONT, fontSize=12, leading=18, spaceBefore=8)
    cell = ParagraphStyle("c", fontName=FONT, fontSize=7, leading=9, wordWrap="CJK")
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
    for name, rows in measures_tables(board):
        story.append(Paragraph(_text(name), heading))
        story.append(LongTable(rows, repeatRows=1, style=GRID))
    header = [str(column) for column in PROJECT_COLUMNS]
    widths = [70 * mm, 38 * mm, 22 * mm, 18 * mm, 60 * mm, 18 * mm, 18 * mm, 14 * mm, 16 * mm]
    batch, count = [], 0
    story.append(Paragraph(_text(header[0]), heading))
    for row in project_rows(board.scope.year, labels):
        batch.append(
            [
                Paragraph(_text(row.title), cell),
                Paragraph(_text(row.department), cell),
                row.form,
                row.status,
                Paragraph(_text(row.partners), cell),
                _amount(row.budget),
                _amount(row.actual),
                row.verified_by,
                row.evaluation,
            ]
        )
        count += 1
        if len(batch) == ROWS_PER_TABLE:
            story.append(
                LongTable([header, *batch], colWidths=widths, repeatRows=1, style=LIST_GRID)
            )
            batch = []
            progress(count)
    if batch:
        story.append(LongTable([header, *batch], colWidths=widths, repeatRows=1, style=LIST_GRID))
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
