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
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kyodo.core.models import Municipality
from kyodo.core.wareki import format_date
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.models import CostBearer

# 甲 is the city; the partners follow in this order.
PARTY_MARKS = ["乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
WORD_FONT = "游明朝"
PDF_FONT = "HeiseiMin-W3"
PDF_BOLD_FONT = "HeiseiKakuGo-W5"


@dataclass
class Article:
    heading: str
    body: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None


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
    partners = [p.partner for p in project.participations.select_related("partner")]
    # More partners than marks is not a real case; they would be left out of the preamble.
    marks = PARTY_MARKS[: len(partners)]
    pairs = list(zip(partners, marks, strict=False))
    names = "、".join(f"{p.name}（以下「{m}」という。）" for p, m in pairs)
    kind = agreement.get_kind_display()
    preamble = (
        f"{city}（以下「甲」という。）と{names}は、「{project.title}」（以下「本事業」という。）を"
        f"協働して実施するため、次のとおり{kind}を締結する。"
    )
    others = "".join(marks)
    count = len(partners) + 1
    closing = (
        f"この{kind}の締結を証するため、本書{count}通を作成し、各当事者記名押印の上、"
        "各自1通を保有する。"
    )
    signatories = [("甲", city, agreement.city_signatory)] + [
        (m, p.name, agreement.partner_signatory if i == 0 else p.representative)
        for i, (p, m) in enumerate(pairs)
    ]
    return AgreementData(
        title=f"{project.title}に関する{kind}",
        preamble=preamble,
        articles=_project_articles(project, others) + _term_articles(agreement, kind, others),
        closing=closing,
        dated=f"{format_date(agreement.valid_from)}",
        signatories=signatories,
    )


def _project_articles(project, others: str) -> list[Article]:
    """Purpose, local issue, form, roles and costs: what the workspace agreed."""
    articles = [Article("目的", [project.purpose or project.title])]
    if project.local_issue:
        articles.append(Article("地域課題", [project.local_issue]))
    if project.form:
        form = CollaborationForm(project.form).label
        articles.append(Article("協働の形態", [f"本事業は、{form}により実施する。"]))
    roles = [["項目", "甲の役割", f"{others}の役割", "責任分担"]] + [
        [line.task, line.city_part, line.partner_part, line.responsibility]
        for line in project.role_lines.all()
    ]
    articles.append(
        Article(
            "役割分担及び責任分担",
            ["甲及び" + others + "の役割分担及び責任分担は、次のとおりとする。"],
            roles,
        )
    )
    articles.append(_cost_article(project, others))
    return articles


def _term_articles(agreement, kind: str, others: str) -> list[Article]:
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
            [f"この{kind}に定めのない事項又は疑義が生じた事項は、甲及び{others}が協議して定める。"],
        )
    )
    return articles


def _cost_article(project, others: str) -> Article:
    lines = list(project.cost_lines.all())
    table = [["費目", "負担者", "金額", "備考"]]
    totals = {CostBearer.CITY: 0, CostBearer.PARTNER: 0}
    for line in lines:
        bearer = "甲" if line.bearer == CostBearer.CITY else others
        totals[line.bearer] += line.amount
        table.append([line.item, bearer, _yen(line.amount), line.note])
    table.append(["甲の負担額 計", "甲", _yen(totals[CostBearer.CITY]), ""])
    table.append([f"{others}の負担額 計", others, _yen(totals[CostBearer.PARTNER]), ""])
    return Article("経費分担", ["本事業に要する経費の分担は、次のとおりとする。"], table)


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
            _docx_table(document, article.table)
    document.add_paragraph(data.closing).paragraph_format.space_before = Pt(12)
    dated = document.add_paragraph(data.dated)
    dated.paragraph_format.space_before = Pt(12)
    for mark, organisation, signatory in data.signatories:
        paragraph = document.add_paragraph(f"{mark}　{organisation}\n　　{signatory}　　印")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # table.cell(r, c) rescans the whole grid each time (quadratic); walk the rows once.
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            if r == 0 and cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph()


# --- PDF ------------------------------------------------------------------------------------


def _register_fonts() -> None:
    # The CID fonts are built into reportlab (Adobe-Japan1): no font files on the server.
    for name in (PDF_FONT, PDF_BOLD_FONT):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(name))


def render_pdf(data: AgreementData) -> bytes:
    _register_fonts()
    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=10.5, leading=17, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=14)
    heading = ParagraphStyle("heading", parent=body, fontName=PDF_BOLD_FONT, spaceBefore=6)
    title = ParagraphStyle(
        "title", parent=body, fontName=PDF_BOLD_FONT, fontSize=16, leading=24, alignment=TA_CENTER
    )
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    story = [Paragraph(data.title, title), Spacer(1, 8 * mm), Paragraph(data.preamble, body)]
    for number, article in enumerate(data.articles, start=1):
        story.append(Paragraph(f"（{article.heading}）", heading))
        for index, text in enumerate(article.body):
            prefix = f"第{number}条　" if index == 0 else "　"
            story.append(Paragraph(_escape(prefix + text), body))
        if article.table:
            story.append(_pdf_table(article.table, cell))
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


def _pdf_table(rows: list[list[str]], style: ParagraphStyle) -> Table:
    data = [[Paragraph(_escape(value), style) for value in row] for row in rows]
    table = Table(data, colWidths=[40 * mm, 35 * mm, 40 * mm, 45 * mm], repeatRows=1)
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
