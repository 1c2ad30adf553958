"""One upload check: the kind is read from the content and the file must open as that kind."""

import zipfile
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kyodo.core.tests.helpers import sample_docx, sample_jpeg, sample_pdf, sample_png, sample_xlsx
from kyodo.core.uploads import UploadPolicy, validate_upload

POLICY = UploadPolicy(
    extensions=("pdf", "docx", "xlsx", "png", "jpg", "jpeg"),
    max_bytes=1024 * 1024,
    wrong_type="PDF、Word、Excel、PNG、JPEG のファイルを添付してください。",
)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    "name, data, content_type",
    [
        ("報告.pdf", sample_pdf(), "application/pdf"),
        ("写真.png", sample_png(), "image/png"),
        ("写真.JPG", sample_jpeg(), "image/jpeg"),
        ("企画書.docx", sample_docx(), "wordprocessingml"),
        ("予算.xlsx", sample_xlsx(), "spreadsheetml"),
    ],
)
def test_real_files_are_accepted(name, data, content_type):
    assert content_type in validate_upload(upload(name, data), POLICY)


def _refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, data), POLICY)
    return error.value.code


def test_a_pdf_header_followed_by_a_web_page_is_refused():
    polyglot = b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>"
    assert _refusal("企画書.pdf", polyglot) == "content_mismatch"


def test_a_real_pdf_carrying_a_web_page_at_its_start_is_refused():
    pdf = sample_pdf()
    assert _refusal("企画書.pdf", pdf[:9] + b"<html><script>x</script>" + pdf[9:]) == (
        "content_mismatch"
    )


def test_a_pdf_that_does_not_open_is_refused():
    assert _refusal("報告.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n") == "content_mismatch"


@pytest.mark.parametrize(
    "name, data",
    [
        ("報告.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("写真.png", b"MZ\x90\x00" + b"\x00" * 60),  # a Windows program
        ("図.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("写真.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),  # a signature and nothing else
    ],
)
def test_files_whose_content_is_not_their_name_are_refused(name, data):
    assert _refusal(name, data) == "content_mismatch"


def test_a_broken_office_archive_is_refused():
    docx = bytearray(sample_docx())
    # Damage the compressed data of the main part while the directory still reads.
    with zipfile.ZipFile(BytesIO(bytes(docx))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    docx[start : start + 20] = b"\x00" * 20
    assert _refusal("企画書.docx", bytes(docx)) == "content_mismatch"


def test_the_wrong_ending_and_the_size_are_refused_with_their_codes():
    assert _refusal("a.exe", sample_pdf()) == "wrong_type"
    big = UploadPolicy(extensions=("pdf",), max_bytes=10, wrong_type="PDF")
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("a.pdf", sample_pdf()), big)
    assert error.value.code == "too_large"
