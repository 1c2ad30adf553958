"""Import (each encoding, bad rows, background task) and export (re-read and checked)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.core import records_version
from kyodo.core.search.index import search
from kyodo.partners import selectors, services, transfer
from kyodo.partners.models import ImportStatus, Partner, PartnerImport
from kyodo.partners.selectors import PartnerFilters
from kyodo.partners.tests.factories import PartnerFactory, activity_field, partner_type

pytestmark = pytest.mark.django_db

HEADINGS = ["名称", "フリガナ", "種別", "代表者", "設立日", "会員数", "活動分野", "郵便番号",
            "連絡先電話番号", "公開への同意", "活動内容"]  # fmt: skip
GOOD = [
    ["網走防災の会", "あばしりぼうさいのかい", "ボランティア団体", "網走 花子", "2015/4/1", "２０",
     "防災、福祉", "０９３－８５５５", "0152-44-6111", "はい", "避難所運営の訓練"],
    ["潮見子育てサークル", "シオミコソダテサークル", "市民", "潮見 次郎", "", "", "子育て", "",
     "", "いいえ", "親子の遊び場づくり"],
]  # fmt: skip


def csv_bytes(rows, encoding="utf-8", bom=False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADINGS, *rows])
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADINGS, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def taxonomy():
    partner_type("ボランティア団体"), partner_type("市民")
    for name in ("防災", "福祉", "子育て"):
        activity_field(name)


def check_imported():
    partner = Partner.objects.get(name="網走防災の会")
    assert partner.name_kana == "アバシリボウサイノカイ"
    assert partner.founded_on.isoformat() == "2015-04-01"
    assert partner.member_count == 20
    assert partner.postal_code == "093-8555"
    assert partner.listed_publicly is True
    assert sorted(f.name for f in partner.fields.all()) == ["福祉", "防災"]
    assert partner.history.count() == 1
    assert Partner.objects.get(name="潮見子育てサークル").listed_publicly is False
    assert search(Partner.objects.all(), "避難所")[0].object_id == partner.pk


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("名簿.xlsx", xlsx_bytes(GOOD)),
        ("名簿.csv", csv_bytes(GOOD)),
        ("名簿.csv", csv_bytes(GOOD, bom=True)),
        ("名簿.csv", csv_bytes(GOOD, encoding="cp932")),
    ],
    ids=["xlsx", "utf-8", "utf-8-bom", "shift_jis"],
)
def test_valid_import_in_each_format(coordinator, filename, data):
    preview = services.partner_import_preview(actor=coordinator, filename=filename, data=data)
    assert preview.total == 2
    assert not services.import_has_errors(preview)
    assert Partner.objects.count() == 0  # the preview saves nothing
    done = services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert done.status == ImportStatus.DONE
    assert done.created_count == 2
    check_imported()


def test_invalid_rows_are_listed_in_japanese_and_only_good_rows_are_saved(coordinator):
    rows = [
        GOOD[0],
        ["", "", "ボランティア団体", "", "", "", "", "", "", "", ""],
        ["壊れた会", "abc", "宇宙団体", "", "2024-13-40", "多い", "料理", "12", "99", "", ""],
        GOOD[0],
    ]
    preview = services.partner_import_preview(
        actor=coordinator, filename="名簿.csv", data=csv_bytes(rows)
    )
    errors = {row["line"]: " ".join(row["errors"]) for row in preview.rows if row["errors"]}
    assert set(errors) == {3, 4, 5}
    assert "名称" in errors[3]
    for heading in (
        "フリガナ",
        "種別",
        "設立日",
        "会員数",
        "活動分野",
        "郵便番号",
        "連絡先電話番号",
    ):
        assert heading in errors[4]
    assert "宇宙団体" in errors[4]
    assert "2回" in errors[5]
    assert Partner.objects.count() == 0  # checking saves nothing
    services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert list(Partner.objects.values_list("name", flat=True)) == ["網走防災の会"]


def test_a_file_with_no_good_row_cannot_be_saved(coordinator):
    rows = [["", "", "ボランティア団体", "", "", "", "", "", "", "", ""]]
    preview = services.partner_import_preview(
        actor=coordinator, filename="名簿.csv", data=csv_bytes(rows)
    )
    with pytest.raises(Exception, match="保存できません"):
        services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert Partner.objects.count() == 0


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("名簿.txt", b"abc", "Excel"),
        ("名簿.xlsx", b"not a zip", "Excel"),
        ("名簿.csv", b"\xff\xfe\x00\x81\x00", "Shift_JIS"),
        ("名簿.csv", "名前,住所\nあ,い\n".encode(), "見出し"),
        ("名簿.csv", b"", "空"),
    ],
)
def test_unreadable_files(coordinator, filename, data, message):
    with pytest.raises(transfer.ImportError_, match=message):
        services.partner_import_preview(actor=coordinator, filename=filename, data=data)


def test_existing_duplicates_are_warned(coordinator):
    PartnerFactory(name="網走防災の会", representative="網走 花子")
    preview = services.partner_import_preview(
        actor=coordinator, filename="名簿.csv", data=csv_bytes(GOOD)
    )
    assert preview.rows[0]["warnings"]
    assert not preview.rows[1]["warnings"]


def test_a_failure_while_saving_saves_nothing(coordinator, monkeypatch):
    preview = services.partner_import_preview(
        actor=coordinator, filename="名簿.csv", data=csv_bytes(GOOD)
    )
    from django.db import DatabaseError

    def broken(documents):
        raise DatabaseError("disk full")

    monkeypatch.setattr(services.imports, "index_bulk_create", broken)
    done = services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert done.status == ImportStatus.FAILED
    assert Partner.objects.count() == 0


def test_large_import_runs_as_a_background_task(coordinator, settings, persona_client, monkeypatch):
    settings.PARTNER_IMPORT_BACKGROUND_ROWS = 10
    # The worker drops connections it thinks stale; inside the test's transaction on
    # PostgreSQL that would close the connection the test itself is using.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    rows = [[f"団体{n}", "", "市民", f"代表{n}", "", "", "子育て", "", "", "はい", "見守り"]
            for n in range(60)]  # fmt: skip
    client = persona_client("coordinator")
    response = client.post(
        reverse("partners:import"), {"file": SimpleUploadedFile("大きな名簿.csv", csv_bytes(rows))}
    )
    partner_import = PartnerImport.objects.get()
    assert response["Location"] == reverse("partners:import_detail", args=[partner_import.pk])
    response = client.post(response["Location"])
    partner_import.refresh_from_db()
    assert partner_import.status == ImportStatus.QUEUED
    html = client.get(reverse("partners:import_detail", args=[partner_import.pk])).content
    # The progress is polled by the page's script; a timed refresh only without JavaScript.
    status_url = reverse("partners:import_status", args=[partner_import.pk])
    assert f'data-poll="{status_url}"'.encode() in html and b"<progress" in html
    assert b'<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
    assert html.count(b'http-equiv="refresh"') == 1
    fragment = client.get(status_url).content
    assert b"<progress" in fragment and b"data-poll-done" not in fragment
    assert Partner.objects.count() == 0
    call_command("db_worker", batch=True, no_startup_delay=True)
    partner_import.refresh_from_db()
    assert partner_import.status == ImportStatus.DONE
    assert partner_import.processed == partner_import.created_count == 60
    assert Partner.objects.count() == 60
    html = client.get(reverse("partners:import_detail", args=[partner_import.pk])).content
    assert b'http-equiv="refresh"' not in html
    assert "60件の団体を登録しました".encode() in html
    fragment = client.get(status_url).content
    assert b"data-poll-done" in fragment and "60件の団体を登録しました".encode() in fragment


def test_import_pages_show_row_errors(persona_client):
    client = persona_client("coordinator")
    rows = [["", "", "宇宙団体", "", "", "", "", "", "", "", ""]]
    response = client.post(
        reverse("partners:import"), {"file": SimpleUploadedFile("名簿.csv", csv_bytes(rows))}
    )
    html = client.get(response["Location"]).content.decode()
    assert "登録されない行" in html and "種別「宇宙団体」は登録されていません" in html
    assert "確認済み" not in html  # the status word never sits above the problems
    response = client.post(
        reverse("partners:import"), {"file": SimpleUploadedFile("名簿.pdf", b"%PDF")}
    )
    assert "Excel（.xlsx）またはCSV" in response.content.decode()


def test_another_coordinators_import_is_not_found(persona_client, coordinator):
    preview = services.partner_import_preview(actor=None, filename="名簿.csv", data=csv_bytes(GOOD))
    for name in ("partners:import_detail", "partners:import_status"):
        response = persona_client("coordinator").get(reverse(name, args=[preview.pk]))
        assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_importing_coordinator_polls_the_progress(persona, persona_client, coordinator):
    preview = services.partner_import_preview(
        actor=coordinator, filename="名簿.csv", data=csv_bytes(GOOD)
    )
    response = persona_client(persona).get(reverse("partners:import_status", args=[preview.pk]))
    if persona == "coordinator":
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code in (403, 404)


# --- Export ----------------------------------------------------------------------------------


@pytest.fixture
def exported():
    PartnerFactory(
        name="網走防災の会",
        fields=["防災"],
        contact_name="秘密 花子",
        contact_email="secret@example.jp",
        activity="防災訓練",
    )
    PartnerFactory(name="子育ての会", fields=["子育て"], activity="子育て支援")


def _body(response) -> bytes:
    assert response.streaming  # never built whole in memory
    return b"".join(response.streaming_content)


def test_public_xlsx_export_has_no_private_fields(persona_client, exported):
    response = persona_client("staff_a").get(
        reverse("partners:export"), {"format": "xlsx", "scope": "public", "q": "防災"}
    )
    sheet = load_workbook(io.BytesIO(_body(response))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["ID", "名称", "フリガナ", "種別"]
    assert len(rows) == 2 and rows[1][1] == "網走防災の会"
    assert "防災" in rows[1]
    flat = str(rows)
    assert "secret@example.jp" not in flat and "秘密 花子" not in flat and "連絡" not in flat


def test_staff_csv_export_has_bom_and_contacts(persona_client, exported):
    response = persona_client("coordinator").get(
        reverse("partners:export"), {"format": "csv", "scope": "staff"}
    )
    body = _body(response)
    assert body.startswith(b"\xef\xbb\xbf")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert "連絡先メールアドレス" in rows[0]
    assert len(rows) == 3
    assert "secret@example.jp" in str(rows)


def test_export_can_be_imported_again(coordinator, exported):
    data = transfer.export_xlsx(Partner.objects.order_by("name"), include_private=True)
    Partner.objects.all().delete()
    preview = services.partner_import_preview(actor=coordinator, filename="戻し.xlsx", data=data)
    assert not services.import_has_errors(preview), preview.rows
    services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert Partner.objects.get(name="網走防災の会").contact_email == "secret@example.jp"


# --- Safe exports (issue 12.6, 12.7) ---------------------------------------------------------

FORMULA = '=HYPERLINK("https://evil.example/","開く")'


@pytest.fixture
def hostile():
    PartnerFactory(name=FORMULA, fields=["防災"], representative="@SUM(A1)", activity="-1+2")
    PartnerFactory(name="制御文字の会", fields=["防災"], activity="縦\x0bタブ\x1fと\x85改行")


def _xlsx_rows(response):
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(_body(response))).active
    return {row[1]: row for row in sheet.iter_rows(values_only=True)}


def test_xlsx_export_with_control_characters_and_formulas(persona_client, hostile):
    response = persona_client("coordinator").get(
        reverse("partners:export"), {"format": "xlsx", "scope": "staff"}
    )
    rows = _xlsx_rows(response)
    assert "'" + FORMULA in rows
    assert "'@SUM(A1)" in rows["'" + FORMULA] and "'-1+2" in rows["'" + FORMULA]
    assert "縦タブと\n改行" in rows["制御文字の会"]


def test_csv_export_neutralises_formulas(persona_client, hostile):
    response = persona_client("coordinator").get(
        reverse("partners:export"), {"format": "csv", "scope": "staff"}
    )
    rows = list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig"))))
    by_name = {row[1]: row for row in rows}
    assert "'" + FORMULA in by_name and FORMULA not in by_name
    assert "'@SUM(A1)" in by_name["'" + FORMULA]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_neutralised_export_imports_back_unchanged(coordinator, hostile):
    data = transfer.export_xlsx(Partner.objects.order_by("name"), include_private=True)
    Partner.objects.all().delete()
    preview = services.partner_import_preview(actor=coordinator, filename="戻し.xlsx", data=data)
    assert not services.import_has_errors(preview), preview.rows
    services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert Partner.objects.get(name=FORMULA).representative == "@SUM(A1)"


def test_import_cleans_control_characters_and_line_ends(coordinator):
    row = ["行\r\nの\x0b会", "", "市民", "", "", "", "", "", "", "はい", "一\r二\x00三"]
    preview = services.partner_import_preview(
        actor=coordinator, filename="x.csv", data=csv_bytes([row])
    )
    assert not services.import_has_errors(preview), preview.rows
    services.partner_import_confirm(actor=coordinator, partner_import=preview)
    assert Partner.objects.get(name="行\nの会").activity == "一\n二三"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reads_in_chunks_with_queries_per_chunk_not_per_row(
    persona_client, monkeypatch, fmt
):
    monkeypatch.setattr(transfer, "EXPORT_CHUNK", 1000)
    client = persona_client("coordinator")

    def export_queries() -> tuple[int, bytes]:
        with CaptureQueriesContext(connection) as queries:
            body = _body(client.get(reverse("partners:export"), {"format": fmt, "scope": "staff"}))
        return len(queries), body

    PartnerFactory.create_batch(3, fields=["防災"])
    small, _body_small = export_queries()
    PartnerFactory.create_batch(27, fields=["防災", "子育て"])
    large, body = export_queries()
    assert small == large
    # Two chunks: one more query for the second chunk's fields (the rows come from one cursor).
    monkeypatch.setattr(transfer, "EXPORT_CHUNK", 20)
    records_version.touch()  # as for the two above: after a change, the roles are read again
    assert export_queries()[0] == large + 1
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert len(rows) == 31 and all("防災" in row[7] for row in rows[1:])


def test_search_export_keeps_the_search_order_across_chunks(persona_client, monkeypatch):
    monkeypatch.setattr(transfer, "EXPORT_CHUNK", 2)
    for n in range(5):
        PartnerFactory(name=f"防災の会{n}", fields=["防災"], activity="防災" * (n + 1))
    filters = PartnerFilters(query="防災")
    ids = selectors.partners_to_export(filters)
    names = [row[1] for row in list(transfer.export_rows(ids, include_private=False))[1:]]
    by_id = dict(Partner.objects.values_list("pk", "name"))
    assert names == [by_id[pk] for pk in ids] and len(names) == 5
