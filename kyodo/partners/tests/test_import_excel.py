"""Imports and exports as offices use Excel (issue 17-7).

The files are written the way Excel writes them: a cp932 CSV as 「CSV (コンマ区切り)」 saves
it (numbers with their thousands separators, dates as shown) and an .xlsx with real date
cells and 「#,##0」 number cells. Exports are re-opened with openpyxl.
"""

import csv
import io
from datetime import date, datetime
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kyodo.partners import import_check, services, transfer
from kyodo.partners.models import Partner
from kyodo.partners.tests.factories import PartnerFactory, activity_field, partner_type

pytestmark = pytest.mark.django_db

HEADINGS = ["名称", "フリガナ", "種別", "代表者", "設立日", "会員数", "活動分野",
            "年間予算（円）", "公開への同意"]  # fmt: skip


@pytest.fixture(autouse=True)
def taxonomy():
    partner_type("ボランティア団体"), partner_type("町内会"), partner_type("NPO法人")
    for name in ("防災", "環境"):
        activity_field(name)


def excel_csv(rows) -> bytes:
    """What Excel in Japan saves as 「CSV (コンマ区切り)」: cp932, CRLF, quoted as needed."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADINGS, *rows])
    return buffer.getvalue().encode("cp932")


def excel_xlsx(rows) -> bytes:
    """A workbook with date cells and formatted numbers, as a person keeps it in Excel."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "ggge年m月d日"
            elif isinstance(cell.value, int):
                cell.number_format = "#,##0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def preview(user, filename, data, mode=import_check.MODE_NEW):
    return services.partner_import_preview(actor=user, filename=filename, data=data, mode=mode)


def test_cp932_csv_with_separators_and_wareki_dates(coordinator):
    rows = [
        ["網走防災の会", "アバシリボウサイノカイ", "ボランティア団体", "網走 花子", "H27.4.1",
         "1,200", "防災", "1,200,000", "はい"],
        ["潮見町内会", "シオミチョウナイカイ", "町内会", "潮見 次郎", "令和2年4月1日",
         "３５人", "環境", "￥50,000", "いいえ"],
        ["海岸の会", "カイガンノカイ", "NPO法人", "", "平成27年4月1日", "", "", "", ""],
    ]  # fmt: skip
    checked = preview(coordinator, "名簿.csv", excel_csv(rows))
    assert not services.import_has_errors(checked), checked.rows
    services.partner_import_confirm(actor=coordinator, partner_import=checked)
    bousai = Partner.objects.get(name="網走防災の会")
    assert (bousai.founded_on, bousai.member_count, bousai.annual_budget) == (
        date(2015, 4, 1),
        1200,
        1_200_000,
    )
    shiomi = Partner.objects.get(name="潮見町内会")
    assert (shiomi.founded_on, shiomi.member_count, shiomi.annual_budget) == (
        date(2020, 4, 1),
        35,
        50_000,
    )
    assert Partner.objects.get(name="海岸の会").founded_on == date(2015, 4, 1)


def test_xlsx_with_date_cells_and_formatted_numbers(coordinator):
    rows = [["網走防災の会", "アバシリボウサイノカイ", "ボランティア団体", "網走 花子",
             datetime(2015, 4, 1), 1200, "防災", 1_200_000, "はい"]]  # fmt: skip
    checked = preview(coordinator, "名簿.xlsx", excel_xlsx(rows))
    assert not services.import_has_errors(checked), checked.rows
    services.partner_import_confirm(actor=coordinator, partner_import=checked)
    partner = Partner.objects.get(name="網走防災の会")
    assert (partner.founded_on, partner.member_count, partner.annual_budget) == (
        date(2015, 4, 1),
        1200,
        1_200_000,
    )


def test_unknown_type_gets_the_closest_known_one(coordinator):
    rows = [["網走防災の会", "", "ボランティア", "", "", "", "防災", "", ""],
            ["潮見の会", "", "町内会・自治会", "", "", "", "かんきょう", "", ""],
            ["宇宙の会", "", "宇宙団体", "", "", "", "", "", ""]]  # fmt: skip
    checked = preview(coordinator, "名簿.csv", excel_csv(rows))
    errors = {row["line"]: " ".join(row["errors"]) for row in checked.rows}
    assert "「ボランティア」" in errors[2] and "「ボランティア団体」のことですか" in errors[2]
    assert "「町内会」のことですか" in errors[3]
    assert "宇宙団体" in errors[4] and "登録されている種別" in errors[4]
    assert import_check.closest("ボランテイア団体", ["ボランティア団体", "NPO法人"]) == (
        "ボランティア団体"
    )


def test_preview_says_which_rows_are_saved_and_which_are_not(persona_client):
    client = persona_client("coordinator")
    rows = [["網走防災の会", "", "ボランティア団体", "", "", "", "", "", ""],
            ["", "", "ボランティア団体", "", "", "", "", "", ""],
            ["宇宙の会", "", "宇宙団体", "", "", "", "", "", ""]]  # fmt: skip
    response = client.post(
        reverse("partners:import"),
        {"file": SimpleUploadedFile("名簿.csv", excel_csv(rows)), "mode": "new"},
    )
    html = client.get(response["Location"]).content.decode()
    assert "1行を登録します" in html and "2行は問題があるため登録しません" in html
    assert "登録されない行" in html and "新しく登録する団体（1件）" in html
    assert "確認済み" not in html
    client.post(response["Location"])
    assert list(Partner.objects.values_list("name", flat=True)) == ["網走防災の会"]


# --- Update mode and the round trip ----------------------------------------------------------


@pytest.fixture
def registered():
    return PartnerFactory(
        name="網走防災の会",
        name_kana="アバシリボウサイノカイ",
        fields=["防災"],
        member_count=10,
        contact_email="secret@example.jp",
    )


def test_update_mode_matches_by_name_and_furigana(coordinator, registered):
    rows = [["網走防災の会", "あばしりぼうさいのかい", "ボランティア団体", "新 代表", "",
             "1,500", "防災、環境", "", "はい"],
            ["新しい会", "アタラシイカイ", "NPO法人", "", "", "", "", "", ""]]  # fmt: skip
    checked = preview(coordinator, "名簿.csv", excel_csv(rows), import_check.MODE_UPDATE)
    assert [row["partner_id"] for row in checked.rows] == [str(registered.pk), None]
    done = services.partner_import_confirm(actor=coordinator, partner_import=checked)
    assert (done.created_count, done.updated_count) == (1, 1)
    registered.refresh_from_db()
    assert (registered.representative, registered.member_count) == ("新 代表", 1500)
    assert sorted(f.name for f in registered.fields.all()) == ["環境", "防災"]
    # Columns the file does not have are kept; the change is in the history.
    assert registered.contact_email == "secret@example.jp"
    assert registered.history.first().history_type == "~"
    assert Partner.objects.count() == 2


def test_export_then_update_import_is_a_round_trip(coordinator, registered):
    data = transfer.export_xlsx(Partner.objects.all(), include_private=False)
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    assert headings[0] == "ID"
    sheet.cell(row=2, column=headings.index("名称") + 1, value="網走防災ネットワーク")
    sheet.cell(row=2, column=headings.index("会員数") + 1, value=25)
    buffer = io.BytesIO()
    workbook.save(buffer)
    checked = preview(coordinator, "戻し.xlsx", buffer.getvalue(), import_check.MODE_UPDATE)
    assert not services.import_has_errors(checked), checked.rows
    assert checked.rows[0]["partner_id"] == str(registered.pk)  # found by its ID, renamed
    services.partner_import_confirm(actor=coordinator, partner_import=checked)
    registered.refresh_from_db()
    assert (registered.name, registered.member_count) == ("網走防災ネットワーク", 25)
    assert registered.contact_email == "secret@example.jp"  # a public export has no contacts
    assert Partner.objects.count() == 1


def test_an_unknown_id_is_a_row_problem(coordinator, registered):
    data = transfer.export_csv(Partner.objects.all(), include_private=True)
    data = data.replace(str(registered.pk).encode(), b"00000000-0000-0000-0000-000000000000")
    checked = preview(coordinator, "戻し.csv", data, import_check.MODE_UPDATE)
    assert "このIDの団体は登録されていません" in " ".join(checked.rows[0]["errors"])


# --- The workbook as offices expect it --------------------------------------------------------


def test_xlsx_export_layout_and_japanese_file_name(persona_client, registered):
    Partner.objects.filter(pk=registered.pk).update(
        founded_on=date(2015, 4, 1), annual_budget=1_200_000
    )
    response = persona_client("coordinator").get(
        reverse("partners:export"), {"format": "xlsx", "scope": "staff"}
    )
    disposition = response["Content-Disposition"]
    assert 'filename="partners-staff-' in disposition  # the ASCII fallback
    assert "協働の主体_職員用_" in unquote(disposition.split("filename*=UTF-8''")[1])
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(headings)).column_letter}2"
    assert sheet.column_dimensions["B"].width >= 20  # 名称
    row = {heading: cell for heading, cell in zip(headings, sheet[2], strict=True)}
    assert row["設立日"].is_date and row["設立日"].value.date() == date(2015, 4, 1)
    assert row["年間予算（円）"].number_format == "#,##0"
    assert row["年間予算（円）"].value == 1_200_000
    assert row["会員数"].number_format == "#,##0"
