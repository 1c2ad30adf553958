from datetime import date
import pytest
from django.urls import reverse
from kyodo.councils.tests.factories import appoint, make_council, make_meeting


@pytest.mark.django_db
def test_pages(client, coordinator):
    c = make_council()
    t = appoint(c, "山田花子", phone="0152-11-1111")
    m = make_meeting(c)
    client.force_login(coordinator)
    for url in [
        reverse("councils:list"),
        reverse("councils:detail", args=[c.pk]),
        reverse("councils:meeting", args=[m.pk]),
        reverse("councils:create"),
        reverse("councils:edit", args=[c.pk]),
        reverse("councils:member_add", args=[c.pk]),
        reverse("councils:meeting_create", args=[c.pk]),
        reverse("councils:hollow"),
        reverse("councils:person", args=[t.person_id]),
        reverse("councils:term_edit", args=[t.pk]),
        reverse("councils:person_edit", args=[t.pk]),
        reverse("councils:outcome_add", args=[m.pk]),
        reverse("councils:material_add", args=[m.pk]),
        reverse("councils:public_list"),
        reverse("councils:public_detail", args=[c.pk]),
        reverse("councils:public_meeting", args=[m.pk]),
    ]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
