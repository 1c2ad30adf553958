"""The agreement (協定書・契約書・覚書) as an editable Word file and as a PDF, from one data set.

The documents are always in Japanese, whatever the user's interface language: they are the
city's legal text, so their wording is written here in Japanese rather than translated.
"""

from dataclasses import dataclass, field
from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kyodo.core.models import Municipality
from kyodo.core.pdf_font import japanese_font
from kyodo.core.wareki import format_date
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.parties import RolesAndCosts, join_marks, roles_and_costs

WORD_FONT = "游明朝"


@dataclass
class Article:
    heading: str
    body: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None
    # Columns of the table that hold amounts: right-aligned, as offices expect figures.
    amount_columns: tuple[int, ...] = ()
    # Relative widths of the table's columns (the PDF spreads them over the text width).
    widths: tuple[int, ...] = ()


@dataclass
class AgreementData:
    title: str
    preamble: str
    articles: list[Article]
    closing: str
    dated: str
    signatories: list[tuple[str, str, str]]  # (mark, organisation, signatory)


def _yen(amount: int) -> str:
    return f"{amount:,}円"


def agreement_data(agreement) -> AgreementData:
    """Everything both documents print, computed once."""
    project = agreement.project
    municipality = Municipality.objects.current()
    city = municipality.name if municipality else "市"
    table = roles_and_costs(project, city)
    partners = table.partners
    names = "、".join(f"{p.name}（以下「{p.mark}」という。）" for p in partners)
    everyone = join_marks([p.mark for p in table.parties])  # 甲、乙及び丙
    kind = agreement.get_kind_display()
    preamble = (
        f"{city}（以下「甲」という。）と{names}は、「{project.title}」（以下「本事業」という。）を"
        f"協働して実施するため、次のとおり{kind}を締結する。"
    )
    closing = (
        f"この{kind}の締結を証するため、本書{len(table.parties)}通を作成し、"
        f"{everyone}が記名押印の上、各自1通を保有する。"
    )
    signatories = [("甲", city, agreement.city_signatory)] + [
        (
            p.mark,
            p.name,
            agreement.partner_signatory if i == 0 else other_signatory(p.participation),
        )
        for i, p in enumerate(partners)
    ]
    return AgreementData(
        title=f"{project.title}に関する{kind}",
        preamble=preamble,
        articles=_project_articles(project, table, everyone)
        + _term_articles(agreement, kind, everyone),
        closing=closing,
        dated=f"{format_date(agreement.valid_from)}",
        signatories=signatories,
    )


def other_signatory(participation) -> str:
    """Who signs for 丙 and later partners: as named on the agreement, else the representative."""
    return participation.signatory or participation.partner.representative


def _project_articles(project, table: RolesAndCosts, everyone: str) -> list[Article]:
    """Purpose, local issue, form, roles and costs: what the workspace agreed."""
    articles = [Article("目的", [project.purpose or project.title])]
    if project.local_issue:
        articles.append(Article("地域課題", [project.local_issue]))
    if project.form:
        form = CollaborationForm(project.form).label
        articles.append(Article("協働の形態", [f"本事業は、{form}により実施する。"]))
    # One column per party: 甲の役割, 乙の役割, 丙の役割 …
    roles = [["項目", *(f"{p.mark}の役割" for p in table.parties), "責任分担"]] + [
        [row.line.task, row.line.city_part, *row.parts, row.line.responsibility]
        for row in table.role_rows
    ]
    articles.append(
        Article(
            "役割分担及び責任分担",
            [f"{everyone}の役割分担及び責任分担は、次のとおりとする。"],
            roles,
            widths=(3, *(4 for _ in table.parties), 4),
        )
    )
    articles.append(_cost_article(table))
    return articles


def _term_articles(agreement, kind: str, everyone: str) -> list[Article]:
    """Validity, the subsidy term and the clauses of the agreement itself."""
    validity = f"{format_date(agreement.valid_from)}から{format_date(agreement.valid_until)}まで"
    articles = [Article("有効期間", [f"この{kind}の有効期間は、{validity}とする。"])]
    if agreement.term_end:
        articles.append(
            Article(
                "補助期間",
                [
                    f"補助の期間は{format_date(agreement.term_end)}をもって終了する。"
                    "期間の終了後は、自立した事業の実施を目指すものとする。"
                ],
            )
        )
    for heading, text in (
        ("守秘義務", agreement.confidentiality),
        ("個人情報の取扱い", agreement.personal_data),
        ("成果物の権利", agreement.rights),
        ("トラブルへの対応", agreement.trouble),
        ("その他", agreement.other_clauses),
    ):
        if text.strip():
            articles.append(Article(heading, [p for p in text.splitlines() if p.strip()]))
    articles.append(
        Article(
            "協議",
            [f"この{kind}に定めのない事項又は疑義が生じた事項は、{everyone}が協議して定める。"],
        )
    )
    return articles


def _cost_article(table: RolesAndCosts) -> Article:
    rows = [["費目", "負担者", "金額", "備考"]]
    for row in table.cost_rows:
        bearer = row.party.mark if row.party else "（未定）"
        rows.append([row.line.item, bearer, _yen(row.line.amount), row.line.note])
    for party, amount in table.totals:
        rows.append([f"{party.mark}の負担額 計", party.mark, _yen(amount), ""])
    if table.unassigned:
        rows.append(["負担者未定 計", "（未定）", _yen(table.unassigned), ""])
    rows.append(["合計", "", _yen(table.total), ""])
    return Article(
        "経費分担",
        ["本事業に要する経費の分担は、次のとおりとする。"],
        rows,
        amount_columns=(2,),
        widths=(4, 3, 4, 5),
    )


# --- Word -----------------------------------------------------------------------------------


def _set_east_asian_font(style, name: str) -> None:
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def render_docx(data: AgreementData) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(30)
    section.left_margin = section.right_margin = Mm(25)
    normal = document.styles["Normal"]
    _set_east_asian_font(normal, WORD_FONT)
    normal.font.size = Pt(10.5)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(data.title)
    run.bold, run.font.size = True, Pt(16)
    document.add_paragraph(data.preamble).paragraph_format.first_line_indent = Pt(10.5)
    for number, article in enumerate(data.articles, start=1):
        heading = document.add_paragraph()
        heading.add_run(f"（{article.heading}）").bold = True
        for index, text in enumerate(article.body):
            prefix = f"第{number}条　" if index == 0 else "　"
            document.add_paragraph(prefix + text)
        if article.table:
            _docx_table(document, article)
    document.add_paragraph(data.closing).paragraph_format.space_before = Pt(12)
    dated = document.add_paragraph(data.dated)
    dated.paragraph_format.space_before = Pt(12)
    for mark, organisation, signatory in data.signatories:
        paragraph = document.add_paragraph(f"{mark}　{organisation}\n　　{signatory}　　印")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, article: Article) -> None:
    rows = article.table
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # table.cell(r, c) rescans the whole grid each time (quadratic); walk the rows once.
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.text = value
            paragraph = cell.paragraphs[0]
            if r == 0 and paragraph.runs:
                paragraph.runs[0].bold = True
            elif c in article.amount_columns:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


# --- PDF ------------------------------------------------------------------------------------


def render_pdf(data: AgreementData) -> bytes:
    font = japanese_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=17, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, fontSize=11, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=TA_CENTER)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    story = [Paragraph(data.title, title), Spacer(1, 8 * mm), Paragraph(data.preamble, body)]
    for number, article in enumerate(data.articles, start=1):
        story.append(Paragraph(f"（{article.heading}）", heading))
        for index, text in enumerate(article.body):
            prefix = f"第{number}条　" if index == 0 else "　"
            story.append(Paragraph(_escape(prefix + text), body))
        if article.table:
            story.append(_pdf_table(article, body))
    story += [Spacer(1, 6 * mm), Paragraph(data.closing, body), Spacer(1, 4 * mm)]
    story.append(Paragraph(data.dated, body))
    for mark, organisation, signatory in data.signatories:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(_escape(f"{mark}　{organisation}"), right))
        story.append(Paragraph(_escape(f"{signatory}　　印"), right))
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=30 * mm,
        bottomMargin=30 * mm,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        title=data.title,
    ).build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


TEXT_WIDTH = 160 * mm  # A4 less the 25 mm margins


def _pdf_table(article: Article, body: ParagraphStyle) -> Table:
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=14)
    amount = ParagraphStyle("amount", parent=cell, alignment=TA_RIGHT)
    data = [
        [
            Paragraph(_escape(value), amount if r and c in article.amount_columns else cell)
            for c, value in enumerate(row)
        ]
        for r, row in enumerate(article.table)
    ]
    widths = article.widths or tuple(1 for _ in article.table[0])
    unit = TEXT_WIDTH / sum(widths)
    table = Table(data, colWidths=[w * unit for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table
