"""The projects, calls (with results) and partners endpoints: paging, filters, 400 and 404."""

import uuid

import pytest

from kyodo.calls.tests.factories import forming_project, make_call
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.portal.tests.factories import PublicProjectFactory as ProjectFactory
from kyodo.projects.models import Participation, ProjectStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(db):
    running = ProjectFactory.create_batch(3, status=ProjectStatus.RUNNING)
    closed = ProjectFactory(status=ProjectStatus.CLOSED)
    idea = ProjectFactory(status=ProjectStatus.IDEA)
    listed = PartnerFactory(listed_publicly=True, name="アの会")
    unlisted = PartnerFactory(listed_publicly=False)
    Participation.objects.create(project=running[0], partner=listed)
    Participation.objects.create(project=running[0], partner=unlisted)
    open_call = make_call(forming_project())
    draft = make_call(forming_project(), open_=False)
    return locals()


def test_projects_list_pages_and_filters(client, data):
    body = client.get("/api/projects/", {"per_page": 2}).json()
    assert body["count"] == 4 and body["pages"] == 2 and len(body["results"]) == 2
    body = client.get("/api/projects/", {"status": "closed"}).json()
    assert [p["id"] for p in body["results"]] == [str(data["closed"].pk)]
    detail = client.get(f"/api/projects/{data['running'][0].pk}").json()
    assert [p["name"] for p in detail["partners"]] == ["アの会"]
    assert detail["cycle_results"] == []
    assert client.get(f"/api/projects/{data['idea'].pk}").status_code == 404


def test_calls_list_states_and_result(client, data):
    ids = [c["id"] for c in client.get("/api/calls/").json()["results"]]
    assert ids == [str(data["open_call"].pk)]
    assert client.get("/api/calls/", {"state": "open"}).json()["count"] == 1
    assert client.get("/api/calls/", {"state": "published"}).json()["count"] == 0
    assert client.get(f"/api/calls/{data['draft'].pk}").status_code == 404
    assert client.get(f"/api/calls/{data['open_call'].pk}/result").status_code == 404


def test_partners_list_only_listed(client, data):
    body = client.get("/api/partners/").json()
    assert [p["name"] for p in body["results"]] == ["アの会"]
    assert "contact_name" not in body["results"][0]
    assert client.get(f"/api/partners/{data['unlisted'].pk}").status_code == 404
    assert client.get("/api/partners/", {"field": "福祉"}).json()["count"] == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/projects/?page=0",
        "/api/projects/?per_page=abc",
        "/api/projects/?status=idea",
        "/api/calls/?state=draft",
        "/api/partners/?page=-1",
        "/api/projects/not-a-uuid",
        "/api/calls/not-a-uuid/result",
    ],
)
def test_malformed_parameters_give_400(client, data, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert response.json()["detail"]


def test_unknown_ids_give_404(client, data):
    for resource in ("projects", "calls", "partners"):
        response = client.get(f"/api/{resource}/{uuid.uuid4()}")
        assert response.status_code == 404
        assert response.json()["detail"]
