"""A project whose form is 協議会・審議会 shows its council; a partner's track record shows the
councils its recommended members sit on (through kyodo.core.plugins.sections_for)."""

import pytest
from django.urls import reverse

from kyodo.councils import services
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_project_workspace_shows_its_council(client, staff_a, world):
    project = ProjectFactory(department=staff_a.department, form=CollaborationForm.KYOGIKAI)
    council = world["council"]
    services.council_update(actor=staff_a, council=council, data={"project": project})
    client.force_login(staff_a)
    html = client.get(reverse("projects:overview", args=[project.pk])).content.decode()
    assert council.name in html
    assert reverse("councils:detail", args=[council.pk]) in html


def test_a_project_of_another_form_shows_no_council_section(client, staff_a, world):
    project = ProjectFactory(department=staff_a.department, form=CollaborationForm.ITAKU)
    client.force_login(staff_a)
    html = client.get(reverse("projects:overview", args=[project.pk])).content.decode()
    assert "この事業の審議会等" not in html


def test_the_partner_track_record_shows_the_council(client, staff_a, partner_member, world):
    for user in (staff_a, partner_member):
        client.force_login(user)
        url = reverse("partners:detail", kwargs={"partner_id": world["partner"].pk})
        html = client.get(url).content.decode()
        assert world["council"].name in html
        assert "網走花子" in html
