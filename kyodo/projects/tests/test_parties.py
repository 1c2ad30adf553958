"""Agreements with several partners: 甲, 乙 and 丙 each have their own column, bearer and name.

The documents are opened again (python-docx, pypdf): the parties are listed 「甲、乙及び丙」, never
「甲及び乙丙」 or 「乙丙の役割」; the PDF embeds its Japanese font and right-aligns its amounts.
"""

import re
from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from kyodo.core.models import Municipality
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects import services
from kyodo.projects.models import CostBearer, CostLine, RolePart
from kyodo.projects.parties import join_marks, roles_and_costs
from kyodo.projects.selectors import agreement_missing

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_parties(staff_a, project):
    """The city (甲), 網走の海を守る会 (乙, from the project fixture) and a 町内会 (丙)."""
    Municipality.objects.create(name="網走市", prefecture="北海道", code="012114")
    neighbourhood = PartnerFactory(name="潮見町内会", representative="会長 潮見 太郎")
    services.participation_add(actor=staff_a, project=project, partner=neighbourhood)
    sea, town = project.participations.order_by("created_at", "pk")
    services.role_line_add(
        actor=staff_a,
        project=project,
        task="参加者の募集",
        city_part="広報誌での周知",
        partner_parts={sea.pk: "会員への呼びかけ", town.pk: "回覧板での周知"},
        responsibility="当日の運営は団体が責任を負う",
    )
    services.cost_line_add(
        actor=staff_a, project=project, item="消耗品費", amount=1000, bearer="city"
    )
    services.cost_line_add(
        actor=staff_a, project=project, item="ボランティア保険料", amount=12600, bearer=str(sea.pk)
    )
    services.cost_line_add(
        actor=staff_a, project=project, item="花苗の運搬", amount=1234567, bearer=str(town.pk)
    )
    return project, sea, town


def _generate(staff_a, project):
    agreement = services.agreement_save(
        actor=staff_a,
        project=project,
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        city_signatory="網走市長 網走 一郎",
        partner_signatory="会長 浜辺 守",
    )
    return services.agreement_generate(actor=staff_a, agreement=agreement)


@pytest.mark.parametrize(
    ("marks", "joined"),
    [(["甲"], "甲"), (["甲", "乙"], "甲及び乙"), (["甲", "乙", "丙"], "甲、乙及び丙"), ([], "")],
)
def test_parties_are_listed_the_japanese_way(marks, joined):
    assert join_marks(marks) == joined


def test_each_party_has_its_column_its_costs_and_its_total(three_parties):
    project, _sea, _town = three_parties
    table = roles_and_costs(project, "網走市")
    assert [p.label for p in table.parties] == [
        "甲（網走市）",
        "乙（網走の海を守る会）",
        "丙（潮見町内会）",
    ]
    assert table.role_rows[0].parts == ["会員への呼びかけ", "回覧板での周知"]
    assert [row.party.mark for row in table.cost_rows] == ["甲", "乙", "丙"]
    assert [(p.mark, amount) for p, amount in table.totals] == [
        ("甲", 1000),
        ("乙", 12600),
        ("丙", 1234567),
    ]
    assert table.total == 1000 + 12600 + 1234567
    # The city/partner split the cycles' budgets and the dashboard count by is kept.
    assert CostLine.objects.get(item="花苗の運搬").bearer == CostBearer.PARTNER


def test_a_bearer_must_be_one_of_the_projects_partners(staff_a, three_parties, new_project):
    project, _sea, _town = three_parties
    stranger = services.participation_add(actor=None, project=new_project, partner=PartnerFactory())
    for bearer in ("partner", str(stranger.pk), "nonsense", ""):
        with pytest.raises(ValidationError) as error:
            services.cost_line_add(
                actor=staff_a, project=project, item="x", amount=1, bearer=bearer
            )
        assert "bearer" in error.value.message_dict, bearer
    with pytest.raises(ValidationError):
        services.role_line_add(
            actor=staff_a, project=project, task="x", partner_parts={stranger.pk: "よその団体"}
        )


def test_a_partner_bearing_costs_is_not_removed_silently(staff_a, three_parties):
    _project, _sea, town = three_parties
    with pytest.raises(ValidationError, match="潮見町内会"):
        services.participation_remove(actor=staff_a, participation=town)
    CostLine.objects.filter(participation=town).delete()
    services.participation_remove(actor=staff_a, participation=town)
    assert not RolePart.objects.filter(text="回覧板での周知").exists()


def test_a_partner_cost_without_its_partner_blocks_the_agreement(staff_a, three_parties):
    project, _sea, _town = three_parties
    # A line from before partners had their own bearer (the migration leaves these open).
    CostLine.objects.create(project=project, item="旧", amount=5, bearer=CostBearer.PARTNER)
    assert "どの団体が負担するか" in " ".join(str(m) for m in agreement_missing(project))
    assert roles_and_costs(project, "網走市").unassigned == 5


def _docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_word_document_names_each_party(staff_a, three_parties):
    project, _sea, _town = three_parties
    document = Document(BytesIO(bytes(_generate(staff_a, project).docx)))
    text = _docx_text(document)
    for expected in (
        "網走の海を守る会（以下「乙」という。）",
        "潮見町内会（以下「丙」という。）",
        "甲、乙及び丙の役割分担及び責任分担",
        "甲、乙及び丙が協議して定める",
        "本書3通を作成し、甲、乙及び丙が記名押印",
        "丙の負担額 計",
        "1,234,567円",
        "会長 潮見 太郎",
    ):
        assert expected in text, expected
    for wrong in ("乙丙", "甲乙", "甲及び乙の", "乙丙の役割"):
        assert wrong not in text, wrong
    roles, costs = document.tables
    assert [cell.text for cell in roles.rows[0].cells] == [
        "項目",
        "甲の役割",
        "乙の役割",
        "丙の役割",
        "責任分担",
    ]
    assert [cell.text for cell in roles.rows[1].cells][2:4] == [
        "会員への呼びかけ",
        "回覧板での周知",
    ]
    amounts = [row.cells[2].paragraphs[0] for row in costs.rows[1:]]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in amounts)


def _amount_positions(page) -> dict[str, float]:
    """The x where each drawn amount starts on the page."""
    found = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip().endswith("円"):
            found[text.strip()] = tm[4] * cm[0] + cm[4]

    page.extract_text(visitor_text=visit)
    return found


def test_the_pdf_embeds_its_font_names_each_party_and_right_aligns_amounts(staff_a, three_parties):
    project, _sea, _town = three_parties
    reader = PdfReader(BytesIO(bytes(_generate(staff_a, project).pdf)))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "甲、乙及び丙の役割分担及び責任分担" in text
    assert "潮見町内会（以下「丙」という。）" in text
    assert "乙丙" not in text
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    descriptors = [
        descendant.get_object()["/FontDescriptor"]
        for font in fonts
        for descendant in font.get("/DescendantFonts", [])
    ] + [font["/FontDescriptor"] for font in fonts if "/FontDescriptor" in font]
    assert any("/FontFile2" in d for d in descriptors), "the Japanese font is embedded"
    assert all("Heisei" not in str(font.get("/BaseFont")) for font in fonts)
    positions = {}
    for page in reader.pages:
        positions |= _amount_positions(page)
    # Right-aligned: the longer amount starts further left than the shorter one in its column.
    assert positions["1,234,567円"] < positions["1,000円"] - 10


def test_the_roles_page_has_a_column_and_a_field_per_partner(persona_client, three_parties):
    project, _sea, town = three_parties
    client = persona_client("partner_member")
    content = client.get(reverse("projects:roles", args=[project.pk])).content.decode()
    for text in (
        "丙（潮見町内会）の役割",
        "回覧板での周知",
        "丙（潮見町内会）の負担額 計",
        "1,234,567",
    ):
        assert text in content, text
    assert f'name="role-part_{town.pk}"' in content
    assert f'value="{town.pk}"' in content  # a bearer to choose in the cost form
    # Bad input: no task. What was typed in each partner's part comes back.
    response = client.post(
        reverse("projects:roles", args=[project.pk]),
        {"kind": "role", "role-task": " ", f"role-part_{town.pk}": "回覧の準備"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "項目を入力してください" in content
    assert "回覧の準備" in content
    response = client.post(
        reverse("projects:roles", args=[project.pk]),
        {"kind": "role", "role-task": "片付け", f"role-part_{town.pk}": "回覧の準備"},
    )
    assert response.status_code == 302
    assert RolePart.objects.get(text="回覧の準備").participation == town


def _field(response, name: str) -> str:
    match = re.search(
        rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', response.content.decode(), re.S
    )
    return match.group(1).strip()


def test_each_partner_after_the_first_has_its_own_signatory(persona_client, three_parties):
    project, _sea, town = three_parties
    client = persona_client("staff_a")
    url = reverse("projects:agreement", args=[project.pk])
    content = client.get(url).content.decode()
    labels = ("甲（網走市）の記名者", "乙（網走の海を守る会）の記名者", "丙（潮見町内会）の記名者")
    for label in labels:
        assert label in content, label
    assert 'value="会長 潮見 太郎"' in content  # the registry's representative to start from
    form = {
        "kind": "kyotei",
        "valid_from": "2026-05-01",
        "valid_until": "2027-03-31",
        "city_signatory": "網走市長",
        "partner_signatory": "会長 浜辺 守",
        f"signatory_{town.pk}": "  ",
        "confidentiality": "",
        "personal_data": "",
    }
    response = client.post(url, form)
    assert response.status_code == 200  # 丙's signatory is required, and what was typed stays
    assert "丙（潮見町内会）の記名者を入力してください" in response.content.decode()
    assert 'value="会長 浜辺 守"' in response.content.decode()
    form[f"signatory_{town.pk}"] = "副会長 潮見 花子"
    assert client.post(url, form).status_code == 302
    town.refresh_from_db()
    assert town.signatory == "副会長 潮見 花子"
    agreement = project.agreement
    document = services.agreement_generate(actor=None, agreement=agreement)
    text = _docx_text(Document(BytesIO(bytes(document.docx))))
    assert "副会長 潮見 花子" in text and "会長 潮見 太郎" not in text
    with pytest.raises(ValidationError):
        services.agreement_save(
            actor=None,
            project=project,
            lock_version=agreement.lock_version,
            other_signatories={"00000000-0000-0000-0000-000000000000": "誰か"},
            **{f: getattr(agreement, f) for f in ("valid_from", "valid_until", "city_signatory")},
            partner_signatory="会長",
        )


def test_the_agreement_starts_from_the_citys_model_clauses(persona_client, project):
    services.project_choose_form(actor=None, project=project, form="itaku")
    client = persona_client("staff_a")
    url = reverse("projects:agreement", args=[project.pk])
    content = client.get(url).content.decode()
    assert "知り得た秘密を他に漏らしてはならない" in content  # 守秘義務, in its field
    assert "（再委託）" in content  # a clause without a field of its own, in その他
    agreement = services.agreement_save(
        actor=None,
        project=project,
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        confidentiality="当事者が合意した守秘の条文",
        personal_data="当事者が合意した個人情報の条文",
        city_signatory="網走市長",
        partner_signatory="会長",
    )
    assert agreement.rights == ""
    assert "作成物に係る権利" not in _field(client.get(url), "rights")  # only on request
    offered = client.get(url + "?clauses=1")
    assert _field(offered, "confidentiality") == "当事者が合意した守秘の条文"  # kept as written
    assert "作成物に係る権利" in _field(offered, "rights")  # the empty field gets the clause
    agreement.refresh_from_db()
    assert agreement.rights == ""  # nothing saved until the person saves
