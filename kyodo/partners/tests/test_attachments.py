import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from kyodo.core.tests.helpers import sample_pdf
from kyodo.partners import services
from kyodo.partners.tests.factories import PartnerFactory, membership

pytestmark = pytest.mark.django_db

PDF = sample_pdf()  # a real PDF: the upload check opens it


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "予算"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("定款.pdf", PDF),
        ("会則.docx", docx_bytes()),
        ("予算書.xlsx", xlsx_bytes()),
        ("会則.odt", odt_bytes()),
        ("古い予算.xls", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100),
    ],
)
def test_pdf_and_office_files_are_accepted(coordinator, name, content):
    partner = PartnerFactory()
    attachment = services.attachment_add(
        actor=coordinator,
        partner=partner,
        uploaded_file=SimpleUploadedFile(name, content),
        kind="articles",
        title="",
    )
    assert attachment.title == name
    assert attachment.size == len(content)
    with attachment.file.open("rb") as stored:
        assert stored.read() == content
    assert attachment.history.first().history_user == coordinator


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ\x90\x00", "wrong_type"),
        ("偽物.pdf", b"MZ\x90\x00 not a pdf", "content_mismatch"),
        ("偽物.docx", PDF, "content_mismatch"),
        ("表.xlsx", docx_bytes(), "content_mismatch"),
        ("壊れた.docx", b"PK\x03\x04broken", "content_mismatch"),
        ("拡張子なし", PDF, "wrong_type"),
    ],
)
def test_wrong_files_are_refused_with_the_reason(coordinator, name, content, code):
    partner = PartnerFactory()
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=coordinator,
            partner=partner,
            uploaded_file=SimpleUploadedFile(name, content),
            kind="other",
            title="x",
        )
    assert error.value.code == code
    assert not partner.attachments.exists()


def test_oversized_file_is_refused(coordinator, settings):
    settings.PARTNER_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=coordinator,
            partner=PartnerFactory(),
            uploaded_file=SimpleUploadedFile("大きい.pdf", PDF + b"0" * 200),
            kind="budget",
            title="",
        )
    assert error.value.code == "too_large"


def test_only_those_who_edit_may_attach(partner_member, evaluator):
    own, other = PartnerFactory(), PartnerFactory()
    membership(own, partner_member)
    upload = SimpleUploadedFile("定款.pdf", PDF)
    services.attachment_add(
        actor=partner_member, partner=own, uploaded_file=upload, kind="articles", title="定款"
    )
    for actor, partner in ((partner_member, other), (evaluator, own)):
        with pytest.raises(PermissionDenied):
            services.attachment_add(
                actor=actor, partner=partner, uploaded_file=upload, kind="articles", title=""
            )


def test_upload_download_and_delete_pages(persona_client, partner_member):
    partner = PartnerFactory()
    membership(partner, partner_member)
    client = persona_client("partner_member")
    url = reverse("partners:attachment_add", args=[partner.pk])
    response = client.post(
        url, {"kind": "articles", "title": "", "file": SimpleUploadedFile("偽.pdf", b"nope")}
    )
    assert response.status_code == 200
    assert "PDFファイルではない" in response.content.decode()
    response = client.post(
        url, {"kind": "articles", "title": "定款", "file": SimpleUploadedFile("定款.pdf", PDF)}
    )
    assert response.status_code == 302
    attachment = partner.attachments.get()
    download = reverse("partners:attachment", args=[partner.pk, attachment.pk])
    response = client.get(download)
    assert b"".join(response.streaming_content) == PDF
    client.logout()
    assert persona_client("evaluator").get(download).status_code == 404
    client.force_login(partner_member)
    response = client.post(reverse("partners:attachment_delete", args=[partner.pk, attachment.pk]))
    assert response.status_code == 302
    assert not partner.attachments.exists()
