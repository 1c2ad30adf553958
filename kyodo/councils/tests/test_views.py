"""Every page for every persona: staff pages 200/403/404 or login, public pages for all."""

from datetime import date

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.councils.models import Council, Gender, Meeting
from kyodo.councils.tests.factories import PHONE_SENTINEL, appoint, make_council

pytestmark = pytest.mark.django_db

EDITORS = {"coordinator", "staff_a"}
CITY = {"coordinator", "staff_a", "staff_b"}


def expect(response, persona, allowed, *, hidden_from_others=True):
    if persona == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif persona in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in ((404,) if hidden_from_others else (403,))


READ_PAGES = [
    ("councils:detail", "council"),
    ("councils:meeting", "meeting"),
]
EDIT_PAGES = [
    ("councils:edit", "council"),
    ("councils:member_add", "council"),
    ("councils:meeting_create", "council"),
    ("councils:meeting_edit", "meeting"),
    ("councils:outcome_add", "meeting"),
    ("councils:material_add", "meeting"),
    ("councils:term_edit", "term"),
    ("councils:person_edit", "term"),
    ("councils:followup_add", "outcome"),
    ("councils:followup_edit", "followup"),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name,key", READ_PAGES)
def test_read_pages(persona_client, world, persona, name, key):
    response = persona_client(persona).get(reverse(name, args=[world[key].pk]))
    expect(response, persona, CITY)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name,key", EDIT_PAGES)
def test_edit_pages(persona_client, world, persona, name, key):
    response = persona_client(persona).get(reverse(name, args=[world[key].pk]))
    if persona == "staff_b":
        assert response.status_code == 403  # sees the council, may not change it
    else:
        expect(response, persona, EDITORS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_pages(persona_client, world, persona):
    client = persona_client(persona)
    response = client.get(reverse("councils:list"))
    if persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if persona in CITY else 403)
    hollow = client.get(reverse("councils:hollow"))
    assert hollow.status_code == {"coordinator": 200, "anonymous": 302}.get(persona, 403)
    followups = client.get(reverse("councils:my_followups"))
    expected = {"partner_member": 200, "anonymous": 302}.get(persona, 403)
    assert followups.status_code == expected
    if persona == "partner_member":
        assert "計画に反映する" in followups.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_contact_details_only_for_city_staff(persona_client, world, persona):
    response = persona_client(persona).get(reverse("councils:detail", args=[world["council"].pk]))
    assert (PHONE_SENTINEL in response.content.decode()) is (persona in CITY)


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages(persona_client, world, persona):
    client = persona_client(persona)
    council, hidden = world["council"], world["hidden"]
    listing = client.get(reverse("councils:public_list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert council.name in html and hidden.name not in html
    page = client.get(reverse("councils:public_detail", args=[council.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "網走花子" in html and "団体推薦" in html  # the published 委員名簿
    assert PHONE_SENTINEL not in html
    assert "計画に反映する" in html  # the follow-up's status is public
    assert world["closed"].title not in html
    assert client.get(reverse("councils:public_detail", args=[hidden.pk])).status_code == 404
    meeting = client.get(reverse("councils:public_meeting", args=[world["meeting"].pk]))
    assert meeting.status_code == 200
    closed = client.get(reverse("councils:public_meeting", args=[world["closed"].pk]))
    assert closed.status_code == 404


def test_the_council_page_warns_about_hollow_councils_and_members(client, coordinator, settings):
    settings.KYODO_COUNCIL_MAX_SEATS = 1
    council = make_council(meetings_per_year=12)
    term = appoint(council, "兼任委員", starts=date(2025, 4, 1), ends=date(2030, 3, 31))
    appoint(make_council(), person=term.person, starts=date(2025, 4, 1), ends=date(2030, 3, 31))
    client.force_login(coordinator)
    html = client.get(reverse("councils:detail", args=[council.pk])).content.decode()
    assert "形骸化の恐れがあります" in html
    assert "規程の12回を下回っています" in html
    assert "2会議を兼任" in html
    person = client.get(reverse("councils:person", args=[term.person_id])).content.decode()
    assert "2会議の委員を兼任しています" in person


def council_post(department, **fields):
    return {
        "name": "網走市景観審議会",
        "name_kana": "ｹｲｶﾝ",
        "kind": "shingikai",
        "legal_basis": "網走市景観条例第30条",
        "purpose": "景観計画について審議する",
        "department": department.pk,
        "seats": "１５",
        "term_years": "２",
        "quorum": "majority",
        "meetings_per_year": "２",
        "established_on": "令和元年５月１日",
        "abolished_on": "",
        "is_public": "on",
        "project": "",
        **fields,
    }


def test_full_width_digits_and_japanese_dates_are_read(client, coordinator, department_a):
    client.force_login(coordinator)
    response = client.post(reverse("councils:create"), council_post(department_a))
    council = Council.objects.get(name="網走市景観審議会")
    assert response.status_code == 302
    assert (council.seats, council.meetings_per_year) == (15, 2)
    assert council.established_on == date(2019, 5, 1)
    assert council.name_kana == "ケイカン"


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"seats": "十五"}, "整数を入力してください。"),
        ({"established_on": "令和8年13月1日"}, "令和8年4月1日"),
        ({"abolished_on": "2019-01-01"}, "廃止日は設置日より後にしてください。"),
        ({"seats": "0"}, "1 以上"),
    ],
)
def test_bad_council_input_is_explained_and_kept(
    client, coordinator, department_a, fields, message
):
    client.force_login(coordinator)
    data = council_post(department_a, **fields)
    response = client.post(reverse("councils:create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html
    assert "網走市景観審議会" in html  # what was typed is kept
    assert not Council.objects.filter(name="網走市景観審議会").exists()
    assert message in html


def member_post(**fields):
    return {
        "person": "",
        "name": "新委員",
        "name_kana": "しんいいん",
        "gender": str(Gender.FEMALE),
        "phone": "０１５２－４４－６１１１",
        "email": "",
        "address": "",
        "category": "public",
        "partner": "",
        "position": "member",
        "starts_on": "2026/4/1",
        "ends_on": "令和10年3月31日",
        **fields,
    }


def test_a_member_is_appointed(client, staff_a, world):
    client.force_login(staff_a)
    council = world["council"]
    response = client.post(reverse("councils:member_add", args=[council.pk]), member_post())
    assert response.status_code == 302
    term = council.terms.get(person__name="新委員")
    assert term.person.phone == "0152-44-6111"
    assert term.person.name_kana == "シンイイン"
    assert term.ends_on == date(2028, 3, 31)


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"ends_on": "2026-03-01"}, "任期終了日は任期開始日より後にしてください。"),
        ({"gender": "7"}, "正しく選択してください"),
        ({"name": "", "person": ""}, "登録済みの人を選ぶか、氏名を入力してください。"),
    ],
)
def test_bad_member_input(client, staff_a, world, fields, message):
    client.force_login(staff_a)
    council = world["council"]
    response = client.post(reverse("councils:member_add", args=[council.pk]), member_post(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not council.terms.filter(person__name="新委員").exists()


def test_a_member_over_the_seat_count_on_the_form(client, staff_a, world):
    council = world["council"]  # 5 seats, 2 taken
    for i in range(3):
        appoint(council, f"追加{i}")
    client.force_login(staff_a)
    response = client.post(reverse("councils:member_add", args=[council.pk]), member_post())
    html = response.content.decode()
    assert response.status_code == 200
    assert "定数は5人" in html and "新委員" in html


def meeting_post(**fields):
    return {
        "title": "第3回会議",
        "starts_at": "２０２６－０９－０１　１０：００",
        "ends_at": "",
        "place": "市役所",
        "is_public": "on",
        "closed_reason": "",
        "agenda": "議題",
        "observer_capacity": "１０",
        "observers": "",
        **fields,
    }


def test_a_meeting_typed_in_full_width(client, staff_a, world):
    client.force_login(staff_a)
    council = world["council"]
    response = client.post(reverse("councils:meeting_create", args=[council.pk]), meeting_post())
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="第3回会議")
    assert meeting.observer_capacity == 10


def test_a_meeting_before_the_council_existed(client, staff_a, world):
    client.force_login(staff_a)
    council = world["council"]
    data = meeting_post(starts_at="2019-01-01T10:00")
    response = client.post(reverse("councils:meeting_create", args=[council.pk]), data)
    assert response.status_code == 200
    assert "この日は会議の設置期間外です。" in response.content.decode()


def test_attendance_and_quorum_on_the_page(client, staff_a, world):
    client.force_login(staff_a)
    meeting = world["meeting"]
    data = {f"term_{world['term'].pk}": "present", f"term_{world['other_term'].pk}": "absent"}
    response = client.post(reverse("councils:attendance", args=[meeting.pk]), data)
    assert response.status_code == 302
    html = client.get(reverse("councils:meeting", args=[meeting.pk])).content.decode()
    assert "委員2人中1人が出席" in html
    assert "定足数を満たしています。" in html


def test_staff_b_cannot_post_attendance(client, staff_b, world):
    client.force_login(staff_b)
    meeting = world["meeting"]
    response = client.post(
        reverse("councils:attendance", args=[meeting.pk]), {f"term_{world['term'].pk}": "present"}
    )
    assert response.status_code == 403
    assert not meeting.attendances.exists()


def test_minutes_flow_on_the_pages(client, coordinator, world):
    client.force_login(coordinator)
    meeting = world["meeting"]
    client.post(reverse("councils:minutes", args=[meeting.pk]), {"text": "公開する議事録"})
    client.post(reverse("councils:minutes_approve", args=[meeting.pk]))
    client.post(reverse("councils:minutes_publish", args=[meeting.pk]))
    public = client.get(reverse("councils:public_meeting", args=[meeting.pk])).content.decode()
    assert "公開する議事録" in public
    closed = world["closed"]
    response = client.post(reverse("councils:minutes_publish", args=[closed.pk]), follow=True)
    assert "庁内にとどまります" in response.content.decode()


def test_a_bad_attendance_choice_is_explained(client, staff_a, world):
    client.force_login(staff_a)
    meeting = world["meeting"]
    data = {f"term_{world['term'].pk}": "late"}
    response = client.post(reverse("councils:attendance", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "正しく選択してください" in response.content.decode()
    assert not meeting.attendances.exists()


def test_minutes_that_are_not_a_document_are_refused(client, staff_a, world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff_a)
    meeting = world["meeting"]
    upload = SimpleUploadedFile("会議録.pdf", b"<html>not a pdf</html>")
    response = client.post(
        reverse("councils:minutes", args=[meeting.pk]), {"text": "要旨", "file": upload}
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_text == ""


def test_a_term_a_person_and_a_reappointment_are_changed_on_their_pages(client, staff_a, world):
    client.force_login(staff_a)
    term = world["other_term"]
    data = {
        "category": "public",
        "partner": "",
        "position": "vice_chair",
        "starts_on": "2025-04-01",
        "ends_on": "令和9年3月31日",
    }
    assert client.post(reverse("councils:term_edit", args=[term.pk]), data).status_code == 302
    term.refresh_from_db()
    assert term.position == "vice_chair"
    person = {
        "name": "北見太郎",
        "name_kana": "",
        "gender": "1",
        "phone": "０１５２－００－１２３４",
    }
    response = client.post(reverse("councils:person_edit", args=[term.pk]), person)
    assert response.status_code == 302
    term.person.refresh_from_db()
    assert term.person.phone == "0152-00-1234"
    response = client.post(reverse("councils:term_reappoint", args=[term.pk]))
    assert response.status_code == 302
    assert term.person.terms.count() == 2


def test_a_follow_up_is_updated_on_its_page(client, staff_a, world):
    client.force_login(staff_a)
    followup = world["followup"]
    data = {
        "action": "計画に反映した",
        "status": "done",
        "reason": "",
        "department": followup.department_id,
        "due_on": "R9.3.31",
    }
    url = reverse("councils:followup_edit", args=[followup.pk])
    assert client.post(url, data).status_code == 302
    followup.refresh_from_db()
    assert (followup.status, str(followup.due_on)) == ("done", "2027-03-31")
