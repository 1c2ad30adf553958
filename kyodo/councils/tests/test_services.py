"""The services refuse what the issue lists as bad input, and whoever may not act."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kyodo.core.rules import PhaseRefused
from kyodo.core.tests.helpers import sample_pdf
from kyodo.councils import services
from kyodo.councils.models import AttendanceStatus, Category, FollowUpStatus, Position
from kyodo.councils.tests.factories import appoint, at, make_council, make_meeting

pytestmark = pytest.mark.django_db


def codes(excinfo) -> set:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def term_data(**fields):
    return {
        "category": Category.ACADEMIC,
        "partner": None,
        "position": Position.MEMBER,
        "starts_on": date(2025, 4, 1),
        "ends_on": date(2027, 3, 31),
        **fields,
    }


def test_staff_create_councils_in_their_own_department(staff_a, department_b):
    council = make_council(department_b)
    data = {f: getattr(council, f) for f in ("name", "kind", "purpose", "seats", "established_on")}
    created = services.council_create(actor=staff_a, data={**data, "department": department_b})
    assert created.department == staff_a.department
    assert created.history.first().history_user == staff_a


def test_staff_of_another_department_may_not_change_a_council(staff_b, department_a):
    council = make_council(department_a)
    with pytest.raises(PermissionDenied):
        services.council_update(actor=staff_b, council=council, data={"name": "x"})


@pytest.mark.parametrize("persona", ["partner_member", "evaluator", "outsider", "administrator"])
def test_others_may_not_create_councils(request, persona, department_a):
    with pytest.raises(PermissionDenied):
        services.council_create(
            actor=request.getfixturevalue(persona), data={"department": department_a}
        )


def test_abolished_before_established_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        make_council(established_on=date(2020, 4, 1), abolished_on=date(2019, 3, 31))
    assert codes(excinfo) == {"order"}


def test_term_end_before_start_is_refused():
    council = make_council()
    with pytest.raises(ValidationError) as excinfo:
        appoint(council, starts=date(2026, 4, 1), ends=date(2026, 3, 31))
    assert codes(excinfo) == {"order"}


def test_a_member_over_the_seat_count_is_refused():
    council = make_council(seats=2)
    appoint(council, starts=date(2025, 4, 1), ends=date(2027, 3, 31))
    appoint(council, starts=date(2026, 4, 1), ends=date(2028, 3, 31))
    with pytest.raises(ValidationError) as excinfo:
        appoint(council, starts=date(2024, 4, 1), ends=date(2026, 6, 30))
    assert codes(excinfo) == {"seats"}
    # Once a seat is free again, a member can be appointed for then.
    appoint(council, starts=date(2027, 4, 1), ends=date(2029, 3, 31))


def test_the_same_person_twice_at_once_is_refused():
    council = make_council()
    term = appoint(council)
    with pytest.raises(ValidationError) as excinfo:
        appoint(council, person=term.person, starts=date(2026, 4, 1), ends=date(2028, 3, 31))
    assert codes(excinfo) == {"twice"}


def test_reappointment_is_a_new_term():
    council = make_council(term_years=2)
    term = appoint(council, starts=date(2024, 4, 1), ends=date(2026, 3, 31))
    again = services.term_reappoint(actor=None, term=term)
    assert (again.starts_on, again.ends_on) == (date(2026, 4, 1), date(2028, 3, 31))
    assert again.person == term.person and again.pk != term.pk


def test_a_meeting_outside_the_councils_existence_is_refused():
    council = make_council(established_on=date(2020, 4, 1), abolished_on=date(2026, 3, 31))
    for day in (date(2020, 3, 31), date(2026, 4, 1)):
        with pytest.raises(ValidationError) as excinfo:
            make_meeting(council, day)
        assert codes(excinfo) == {"outside"}
    make_meeting(council, date(2026, 3, 31))


def test_a_closed_meeting_needs_its_reason():
    with pytest.raises(ValidationError) as excinfo:
        make_meeting(make_council(), is_public=False, closed_reason=" ")
    assert codes(excinfo) == {"reason"}


def test_more_observers_than_seats_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        make_meeting(make_council(), observer_capacity=5, observers=6)
    assert codes(excinfo) == {"observers"}


def test_attendance_only_for_members_in_office_that_day():
    council = make_council()
    member = appoint(council, starts=date(2025, 4, 1), ends=date(2027, 3, 31))
    former = appoint(council, starts=date(2021, 4, 1), ends=date(2023, 3, 31))
    elsewhere = appoint(make_council())
    meeting = make_meeting(council, date(2026, 6, 1))
    for term in (former, elsewhere):
        with pytest.raises(ValidationError) as excinfo:
            services.attendance_record(
                actor=None, meeting=meeting, statuses={term.pk: AttendanceStatus.PRESENT}
            )
        assert codes(excinfo) == {"member"}
    services.attendance_record(
        actor=None, meeting=meeting, statuses={member.pk: AttendanceStatus.PROXY}
    )
    services.attendance_record(
        actor=None, meeting=meeting, statuses={member.pk: AttendanceStatus.PRESENT}
    )
    assert list(meeting.attendances.values_list("status", flat=True)) == ["present"]


def test_minutes_are_approved_then_published(coordinator):
    meeting = make_meeting(make_council())
    with pytest.raises(PhaseRefused):
        services.minutes_approve(actor=coordinator, meeting=meeting)  # nothing written
    services.minutes_save(actor=coordinator, meeting=meeting, text="議事の要旨")
    with pytest.raises(PhaseRefused):
        services.minutes_publish(actor=coordinator, meeting=meeting)  # not approved
    services.minutes_approve(actor=coordinator, meeting=meeting)
    with pytest.raises(PhaseRefused):
        services.minutes_save(actor=coordinator, meeting=meeting, text="後から変更")
    services.minutes_publish(actor=coordinator, meeting=meeting)
    assert meeting.minutes_public


def test_a_closed_meetings_minutes_are_never_published(coordinator):
    meeting = make_meeting(make_council(), is_public=False, closed_reason="人事案件")
    services.minutes_save(actor=coordinator, meeting=meeting, text="非公開")
    services.minutes_approve(actor=coordinator, meeting=meeting)
    with pytest.raises(PhaseRefused):
        services.minutes_publish(actor=coordinator, meeting=meeting)


def test_materials_are_checked_by_content(coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(make_council())
    fake = SimpleUploadedFile("資料.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError):
        services.material_add(actor=coordinator, meeting=meeting, uploaded_file=fake, title="")
    pdf = SimpleUploadedFile("資料.pdf", sample_pdf())
    material = services.material_add(
        actor=coordinator, meeting=meeting, uploaded_file=pdf, title=""
    )
    assert material.title == "資料.pdf"


def test_a_declined_follow_up_needs_its_reason(world, staff_a):
    with pytest.raises(ValidationError) as excinfo:
        services.followup_update(
            actor=staff_a, followup=world["followup"], data={"status": FollowUpStatus.DECLINED}
        )
    assert codes(excinfo) == {"reason"}
    services.followup_update(
        actor=staff_a,
        followup=world["followup"],
        data={"status": FollowUpStatus.DECLINED, "reason": "予算の制約"},
    )


def test_staff_b_may_not_record_outcomes(world, staff_b):
    with pytest.raises(PermissionDenied):
        services.outcome_add(
            actor=staff_b, meeting=world["meeting"], kind="iken", title="t", text="x"
        )


def test_a_meeting_on_a_day_at_the_start_counts_in_japan_time():
    council = make_council(established_on=date(2026, 4, 1))
    # 2026-04-01 08:00 in Japan is still 31 March in UTC.
    services.meeting_create(
        actor=None,
        council=council,
        data={"title": "初回", "starts_at": at(date(2026, 4, 1), 8), "agenda": ""},
    )
