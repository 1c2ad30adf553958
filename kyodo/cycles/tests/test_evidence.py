"""Activity records and their evidence files: what may be attached, read from the content."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kyodo.core.rules import PhaseRefused
from kyodo.core.tests.helpers import sample_jpeg, sample_pdf, sample_png
from kyodo.cycles import services
from kyodo.cycles.models import ActivityRecord, Side
from kyodo.cycles.tests.factories import (
    EXE_AS_PNG,
    HTML_AS_PDF,
    START,
    cycle_in,
    pdf_bytes,
    png_bytes,
)

# The first bytes of real files: their content is read when they are uploaded.
PNG = sample_png()

# --- the service ----------------------------------------------------------------------------


def test_both_sides_record_activities_with_files(project, staff_a, partner_member):
    cycle = cycle_in(project, "do")
    record = services.activity_record_add(
        actor=partner_member,
        cycle=cycle,
        held_on=START,
        description="清掃",
        participants=20,
        volunteers=15,
        files=[("写真.JPG", sample_jpeg()), ("報告.pdf", sample_pdf())],
    )
    assert record.side == Side.PARTNER
    assert [a.content_type for a in record.attachments.all()] == ["image/jpeg", "application/pdf"]
    by_city = services.activity_record_add(
        actor=staff_a, cycle=cycle, held_on=START, description="広報"
    )
    assert by_city.side == Side.CITY


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"participants": -1}, "participants"),
        ({"volunteers": -3}, "volunteers"),
        ({"participants": "5"}, "participants"),
        ({"description": "  "}, "description"),
        ({"files": [("virus.exe", b"MZ")]}, "files"),
        ({"files": [("big.png", b"0" * (5 * 1024 * 1024 + 1))]}, "files"),
    ],
)
def test_bad_records_are_refused_naming_the_field(project, kwargs, field):
    cycle = cycle_in(project, "do")
    data = {"held_on": START, "description": "清掃"} | kwargs
    with pytest.raises(ValidationError) as error:
        services.activity_record_add(actor=None, cycle=cycle, **data)
    assert field in error.value.message_dict


@pytest.mark.parametrize("phase", ["plan", "act"])
def test_records_only_while_doing_or_checking(project, phase):
    cycle = cycle_in(project, phase)
    with pytest.raises(PhaseRefused):
        services.activity_record_add(actor=None, cycle=cycle, held_on=START, description="x")


# --- the page -------------------------------------------------------------------------------


def test_activity_record_with_full_width_digits(persona_client, project):
    cycle = cycle_in(project, "do")
    response = persona_client("partner_member").post(
        reverse("cycles:records", args=[cycle.pk]),
        {
            "held_on": "2026-06-01",
            "description": "清掃",
            "participants": "２０",
            "volunteers": "１５人",
            "files": [SimpleUploadedFile("写真.png", PNG, content_type="image/png")],
        },
    )
    assert response.status_code == 302
    record = ActivityRecord.objects.get()
    assert (record.participants, record.volunteers) == (20, 15)
    attachment = record.attachments.get()
    download = persona_client("partner_member").get(
        reverse("cycles:attachment", args=[cycle.pk, attachment.pk])
    )
    assert download.content == PNG
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"participants": "-3"}, "participants", "0以上"),
        ({"volunteers": "たくさん"}, "volunteers", "数字"),
        ({"description": ""}, "description", "必須"),
        (
            {"files": [SimpleUploadedFile("a.exe", b"MZ", content_type="application/x-dos")]},
            "files",
            "JPEG",
        ),
    ],
)
def test_bad_activity_records_are_refused_naming_the_field(
    persona_client, project, data, field, message
):
    cycle = cycle_in(project, "do")
    payload = {"held_on": "2026-06-01", "description": "清掃", "participants": "1"} | data
    response = persona_client("staff_a").post(reverse("cycles:records", args=[cycle.pk]), payload)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="#id_{field}"' in page
    assert message in page
    assert not ActivityRecord.objects.exists()


def test_a_file_too_large_is_refused(persona_client, project, settings):
    cycle = cycle_in(project, "do")
    big = SimpleUploadedFile(
        "big.pdf", b"0" * (5 * 1024 * 1024 + 1), content_type="application/pdf"
    )
    response = persona_client("staff_a").post(
        reverse("cycles:records", args=[cycle.pk]),
        {"held_on": "2026-06-01", "description": "清掃", "files": [big]},
    )
    assert "5 MB" in response.content.decode() or "5MB" in response.content.decode()
    assert response.context["form"].has_error("files", code="too_large")
    assert not ActivityRecord.objects.exists()


# --- the content is read, not the name ------------------------------------------------------


@pytest.mark.parametrize("disguised", [HTML_AS_PDF, EXE_AS_PNG], ids=["html-as-pdf", "exe-as-png"])
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(project, disguised):
    cycle = cycle_in(project, "do")
    with pytest.raises(ValidationError) as error:
        services.activity_record_add(
            actor=None, cycle=cycle, held_on=START, description="清掃", files=[disguised]
        )
    assert [e.code for e in error.value.error_dict["files"]] == ["content_mismatch"]
    assert not ActivityRecord.objects.exists()


@pytest.mark.parametrize("disguised", [HTML_AS_PDF, EXE_AS_PNG], ids=["html-as-pdf", "exe-as-png"])
def test_the_form_refuses_a_disguised_file_with_the_same_check(persona_client, project, disguised):
    cycle = cycle_in(project, "do")
    name, data = disguised
    response = persona_client("staff_a").post(
        reverse("cycles:records", args=[cycle.pk]),
        {
            "held_on": "2026-06-01",
            "description": "清掃",
            "files": [SimpleUploadedFile(name, data, content_type="application/octet-stream")],
        },
    )
    assert response.status_code == 200
    assert 'href="#id_files"' in response.content.decode()
    assert response.context["form"].has_error("files", code="content_mismatch")
    assert not ActivityRecord.objects.exists()


def test_a_real_small_png_and_pdf_are_accepted(persona_client, project):
    cycle = cycle_in(project, "do")
    files = [("写真.png", png_bytes()), ("報告.pdf", pdf_bytes())]
    response = persona_client("partner_member").post(
        reverse("cycles:records", args=[cycle.pk]),
        {
            "held_on": "2026-06-01",
            "description": "清掃",
            "files": [SimpleUploadedFile(name, data) for name, data in files],
        },
    )
    assert response.status_code == 302
    record = ActivityRecord.objects.get()
    stored = {(a.filename, a.content_type, bytes(a.content)) for a in record.attachments.all()}
    assert stored == {
        ("写真.png", "image/png", png_bytes()),
        ("報告.pdf", "application/pdf", pdf_bytes()),
    }
