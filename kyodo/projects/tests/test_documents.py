"""The agreement documents, opened again: the parties, roles, costs and dates in Japanese."""

import time
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from kyodo.core.models import Municipality
from kyodo.projects import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(staff_a, partner_member, forming_project):
    Municipality.objects.create(name="網走市", prefecture="北海道", code="012114")
    project = services.project_choose_form(actor=staff_a, project=forming_project, form="itaku")
    services.role_line_add(
        actor=staff_a,
        project=project,
        task="参加者の募集",
        city_part="広報誌での周知",
        partner_parts={project.participations.get().pk: "会員への呼びかけ"},
        responsibility="当日の運営は団体が責任を負う",
    )
    # Each side enters its own costs.
    for actor, item, amount, bearer in [
        (staff_a, "消耗品費", 48000, "city"),
        (partner_member, "ボランティア保険料", 12600, "partner"),
    ]:
        services.cost_line_add(
            actor=actor, project=project, item=item, amount=amount, bearer=bearer
        )
    agreement = services.agreement_save(
        actor=staff_a,
        project=project,
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        confidentiality="乙は、本事業の実施に当たり知り得た秘密を他に漏らしてはならない。",
        personal_data="乙は、個人情報を適正に取り扱わなければならない。",
        city_signatory="網走市長 網走 一郎",
        partner_signatory="会長 浜辺 守",
    )
    services.agreement_generate(actor=staff_a, agreement=agreement)
    started = time.process_time()
    document = services.agreement_generate(actor=staff_a, agreement=agreement)
    # Generated in the request, so it must stay well under a second. The first generation in a
    # process also loads the fonts and the Word template (once), hence the warm-up above; CPU
    # time, not wall time, so that a busy CI machine does not make the test flaky.
    assert time.process_time() - started < 1.0
    assert document.number == 2
    return document


EXPECTED = [
    "網走市（以下「甲」という。）",
    "網走の海を守る会（以下「乙」という。）",
    "委託",
    "参加者の募集",
    "会員への呼びかけ",
    "当日の運営は団体が責任を負う",
    "48,000円",
    "12,600円",
    "令和8年5月1日から令和9年3月31日まで",
    "守秘義務",
    "知り得た秘密を他に漏らしてはならない",
    "個人情報の取扱い",
    "網走市長 網走 一郎",
    "会長 浜辺 守",
]


def _docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_word_document_has_the_content(document):
    text = _docx_text(bytes(document.docx))
    for expected in EXPECTED:
        assert expected in text, expected
    assert "甲の負担額 計" in text
    assert "協定書" in text


def test_the_word_document_uses_a_japanese_font(document):
    normal = Document(BytesIO(bytes(document.docx))).styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


def test_the_pdf_has_the_content(document):
    reader = PdfReader(BytesIO(bytes(document.pdf)))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    for expected in EXPECTED:
        assert expected.replace("\n", "") in text.replace(" ", " "), expected


def test_hojo_prints_the_end_of_the_term(staff_a, forming_project):
    project = services.project_choose_form(actor=staff_a, project=forming_project, form="hojo")
    agreement = services.agreement_save(
        actor=staff_a,
        project=project,
        valid_from=date(2026, 4, 1),
        valid_until=date(2027, 3, 31),
        term_end=date(2029, 3, 31),
        city_signatory="網走市長",
        partner_signatory="会長",
    )
    document = services.agreement_generate(actor=staff_a, agreement=agreement)
    assert "令和11年3月31日をもって終了する" in _docx_text(bytes(document.docx))
