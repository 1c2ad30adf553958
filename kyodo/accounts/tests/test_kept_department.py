"""A person's department read from the kept table of departments (accounts.models
`departments_by_key`, `User.kept_department`): the home pages name it without a query while
nothing changes, and a rename or a move to another department shows on the very next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.accounts.models import User, departments_by_key

pytestmark = pytest.mark.django_db
HOME = reverse("accounts:staff_home")


def _department_queries(client) -> tuple[str, int]:
    # Another address: the body is rendered again, not served from the work cache.
    with CaptureQueriesContext(connection) as captured:
        html = client.get(HOME + "?again=1").content.decode()
    reads = sum('FROM "accounts_department"' in q["sql"] for q in captured.captured_queries)
    return html, reads


def test_the_home_names_the_department_without_reading_it_again(client, staff_a):
    client.force_login(staff_a)
    client.get(HOME)
    html, reads = _department_queries(client)
    assert "市民環境部 生活環境課" in html
    assert "わたしの仕事" in html
    assert reads == 0


def test_a_renamed_department_shows_on_the_next_page(client, staff_a, department_a):
    client.force_login(staff_a)
    assert "生活環境課" in client.get(HOME).content.decode()
    department_a.name = "環境保全課"
    department_a.save()
    html = client.get(HOME).content.decode()
    assert "市民環境部 環境保全課" in html
    assert "生活環境課" not in html


def test_a_person_moved_shows_the_new_department_and_its_projects(client, staff_a, department_b):
    from kyodo.projects.models import Project

    Project.objects.create(title="社会福祉課の事業", department=department_b)
    client.force_login(staff_a)
    assert "社会福祉課の事業" not in client.get(HOME).content.decode()
    staff_a.department = department_b
    staff_a.save()
    html = client.get(HOME).content.decode()
    assert "健康福祉部 社会福祉課" in html
    assert "社会福祉課の事業" in html


def test_no_department_is_none_and_a_joined_one_is_used_as_read(staff_a, department_a):
    assert User(username="nobody").kept_department is None
    joined = User.objects.select_related("department").get(pk=staff_a.pk)
    with CaptureQueriesContext(connection) as captured:
        assert joined.kept_department == department_a
    assert captured.captured_queries == []


def test_the_departments_are_read_once_until_a_record_changes(department_a, department_b):
    departments_by_key()
    with CaptureQueriesContext(connection) as captured:
        kept = departments_by_key()
    assert captured.captured_queries == []
    assert {str(d) for d in kept.values()} >= {"市民環境部 生活環境課", "健康福祉部 社会福祉課"}
