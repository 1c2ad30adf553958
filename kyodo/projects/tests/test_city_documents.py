"""The agreement documents name the city loaded from its file, not the sample city."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from kyodo.guideline.tests.city_files import EXAMPLE, load
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.projects import services
from kyodo.projects.documents import agreement_data, render_docx, render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(partner_member):
    # In place of the projects' conftest partner, whose name is a place of the sample city.
    partner = PartnerFactory(name="みなと海の会", representative="港 太郎")
    membership(partner, partner_member)
    return partner


def test_the_agreement_names_the_loaded_city(staff_a, forming_project):
    load(EXAMPLE)
    project = services.project_choose_form(actor=staff_a, project=forming_project, form="itaku")
    agreement = services.agreement_save(
        actor=staff_a,
        project=project,
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        confidentiality="乙は、秘密を他に漏らしてはならない。",
        personal_data="乙は、個人情報を適正に取り扱わなければならない。",
        city_signatory="（例）みなと市長 港 一郎",
        partner_signatory="会長 浜辺 守",
    )
    data = agreement_data(agreement)
    docx = Document(BytesIO(render_docx(data)))
    text = "\n".join(p.text for p in docx.paragraphs)
    text += "\n".join(c.text for t in docx.tables for row in t.rows for c in row.cells)
    pdf = "".join(page.extract_text() for page in PdfReader(BytesIO(render_pdf(data))).pages)
    for document in (text, pdf.replace("\n", "")):
        assert "（例）みなと市（以下「甲」という。）" in document
        assert "網走" not in document
