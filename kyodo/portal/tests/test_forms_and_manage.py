from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kyodo.core import records_version
from kyodo.portal.forms import EventForm, NewsForm
from kyodo.portal.models import Event, News
from kyodo.portal.tests.factories import (
    EventFactory,
    NewsFactory,
    PublicProjectFactory,
    make_partner_of,
)

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {
        "title": "川の清掃",
        "title_kana": "かわのせいそう",
        "start_date": "２０２６－１２－０５",
        "start_time": "９：３０",
        "end_date": "2026-12-05",
        "end_time": "11:00",
        "place_name": "網走川",
        "organiser": "網走市",
        "description": "説明",
        "fee": "１，０００円",
        "capacity": "３０人",
        "latitude": "４４．０２",
        "longitude": "144.27",
        "contact_phone": "０１５２－４４－６１１１",
        **extra,
    }


def test_full_width_input_is_normalised(coordinator):
    form = EventForm(form_data(), user=coordinator)
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    assert data["fee"] == 1000
    assert data["capacity"] == 30
    assert str(data["latitude"]) == "44.02"
    assert data["start_date"].isoformat() == "2026-12-05"
    assert data["start_time"].strftime("%H:%M") == "09:30"
    assert data["title_kana"] == "カワノセイソウ"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end_date": "2026-12-04"}, "end_date", "終了日が開始日より前になっています。"),
        ({"end_time": "09:00"}, "end_time", "終了時刻が開始時刻より前になっています。"),
        ({"latitude": "91"}, "latitude", "90 以下"),
        ({"longitude": "-181"}, "longitude", "-180 以上"),
        ({"fee": "-5"}, "fee", "0 以上"),
        ({"capacity": "たくさん"}, "capacity", "整数"),
        ({"start_date": "2026-13-01"}, "start_date", "日付"),
        (
            {"application_deadline": "2026-12-06"},
            "application_deadline",
            "申込締切日がイベントの終了日より後になっています。",
        ),
        ({"start_time": "", "end_time": "10:00"}, "start_time", "開始時刻も入力してください"),
    ],
)
def test_bad_input_gets_japanese_messages(coordinator, changes, field, message):
    form = EventForm(form_data(**changes), user=coordinator)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_partner_must_choose_one_of_their_projects(partner_member):
    mine, other = PublicProjectFactory(), PublicProjectFactory()
    make_partner_of(partner_member, mine)
    form = EventForm(form_data(), user=partner_member)
    assert not form.is_valid() and "project" in form.errors
    assert list(form.fields["project"].queryset) == [mine]
    form = NewsForm({"title": "t", "body": "b", "project": other.pk}, user=partner_member)
    assert not form.is_valid() and "project" in form.errors
    # Typed by title (no <select> of every project): another organisation's is not accepted.
    form = NewsForm({"title": "t", "body": "b", "project": other.title}, user=partner_member)
    assert not form.is_valid() and "候補から選んでください" in form.errors["project"][0]
    form = NewsForm({"title": "t", "body": "b", "project": mine.title}, user=partner_member)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["project"] == mine
    assert other.title not in str(NewsForm(user=partner_member)["project"])


def test_the_city_side_chooses_among_thirty_suggestions_not_every_project(coordinator):
    projects = [PublicProjectFactory(title=f"事業{n:02d}") for n in range(40)]
    html = str(EventForm(user=coordinator)["project"])
    assert "<select" not in html and html.count("<option") == 30
    news = NewsForm(user=coordinator, initial={"project": projects[3].pk})
    assert 'value="事業03"' in str(news["project"])  # an edit shows the title, not the key


def test_contact_help_text_says_it_is_public(coordinator):
    form = EventForm(user=coordinator)
    assert "公開" in str(form.fields["contact_name"].help_text)


MANAGE_ACCESS = {
    "administrator": 403,
    "coordinator": 200,
    "staff_a": 200,
    "staff_b": 200,
    "partner_member": 200,
    "evaluator": 403,
    "outsider": 403,
    "anonymous": 302,
}


@pytest.mark.parametrize(("persona", "status"), MANAGE_ACCESS.items())
def test_manage_pages_by_role(persona_client, persona, status):
    client = persona_client(persona)
    for name in ("portal:manage_home", "portal:manage_event_create", "portal:manage_news_create"):
        assert client.get(reverse(name)).status_code == status


def test_staff_creates_edits_and_withdraws_through_pages(persona_client):
    client = persona_client("staff_a")
    response = client.post(
        reverse("portal:manage_event_create"), form_data(publish_on="2026-01-01")
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.fee == 1000
    edit = reverse("portal:manage_event_edit", args=[event.pk])
    assert client.post(edit, form_data(title="改名")).status_code == 302
    withdraw = reverse("portal:manage_event_withdraw", args=[event.pk])
    assert client.post(withdraw, {"reason": "雨天中止"}).status_code == 302
    event.refresh_from_db()
    assert event.title == "改名" and event.is_withdrawn

    response = client.post(reverse("portal:manage_news_create"), {"title": "t", "body": "**b**"})
    assert response.status_code == 302
    news = News.objects.get()
    assert client.get(reverse("portal:manage_news_edit", args=[news.pk])).status_code == 200
    client.post(reverse("portal:manage_news_withdraw", args=[news.pk]), {"reason": ""})
    news.refresh_from_db()
    assert news.is_withdrawn


def test_bad_post_keeps_input_and_shows_errors(persona_client):
    client = persona_client("coordinator")
    response = client.post(reverse("portal:manage_event_create"), form_data(end_date="2026-12-01"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "終了日が開始日より前になっています。" in content
    assert "川の清掃" in content
    assert not Event.objects.exists()


def test_partner_cannot_open_items_of_other_projects(persona_client, partner_member):
    mine, other = PublicProjectFactory(), PublicProjectFactory()
    make_partner_of(partner_member, mine)
    own, foreign = EventFactory(project=mine), EventFactory(project=other)
    foreign_news = NewsFactory(project=other)
    client = persona_client("partner_member")
    assert client.get(reverse("portal:manage_event_edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("portal:manage_event_edit", args=[foreign.pk])).status_code == 404
    url = reverse("portal:manage_news_withdraw", args=[foreign_news.pk])
    assert client.post(url).status_code == 404
    home = client.get(reverse("portal:manage_home")).content.decode()
    assert own.title in home and foreign.title not in home


def test_manage_home_query_count_does_not_grow(persona_client, django_assert_num_queries):
    client = persona_client("coordinator")
    today = timezone.localdate()
    EventFactory.create_batch(2, project=PublicProjectFactory(), start_date=today)
    NewsFactory.create_batch(2)
    client.get(reverse("portal:manage_home"))
    records_version.touch()  # as after the changes below: the roles are read again
    with django_assert_num_queries(5):
        client.get(reverse("portal:manage_home"))
    EventFactory.create_batch(10, project=PublicProjectFactory(), start_date=today + timedelta(1))
    NewsFactory.create_batch(10, project=PublicProjectFactory())
    with django_assert_num_queries(5):
        client.get(reverse("portal:manage_home"))


def test_the_admin_site_shows_events_and_news_read_only(persona_client):
    """The admin would bypass the services (no content check, no search index): it only shows."""
    event, news = EventFactory(), NewsFactory()
    client = persona_client("administrator")
    for name, item in (("event", event), ("news", news)):
        assert client.get(reverse(f"admin:portal_{name}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:portal_{name}_add")).status_code == 403
        change = client.get(reverse(f"admin:portal_{name}_change", args=[item.pk]))
        assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
        delete = reverse(f"admin:portal_{name}_delete", args=[item.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists() and News.objects.filter(pk=news.pk).exists()
