"""A list's rows with their departments and partners' names (projects.selectors
with_row_details): names in the order the partners joined, departments kept until a record
changes and never stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects import services
from kyodo.projects.models import Project
from kyodo.projects.selectors import newest_of_department, project_page, with_row_details

pytestmark = pytest.mark.django_db


def test_partner_names_in_the_order_they_joined(department_a):
    project = Project.objects.create(title="海岸清掃", department=department_a)
    for name in ("潮見町内会", "網走NPO", "東大学"):
        services.participation_add(actor=None, project=project, partner=PartnerFactory(name=name))
    alone = Project.objects.create(title="花壇づくり", department=department_a)
    rows = with_row_details(list(Project.objects.filter(pk__in=[project.pk, alone.pk])))
    named = {row.pk: row.partner_names for row in rows}
    assert named == {project.pk: ["潮見町内会", "網走NPO", "東大学"], alone.pk: []}


def test_departments_are_read_once_and_a_rename_shows_at_once(coordinator, department_a):
    Project.objects.create(title="海岸清掃", department=department_a)
    assert project_page(coordinator, {}, 1).object_list[0].department.name == department_a.name
    with CaptureQueriesContext(connection) as captured:
        project_page(coordinator, {}, 1)
    assert not any("accounts_department" in q["sql"] for q in captured.captured_queries)
    department_a.name = "市民環境部 環境課"
    department_a.save()
    assert project_page(coordinator, {}, 1).object_list[0].department.name == "市民環境部 環境課"


def test_the_home_rows_take_the_department_given(department_a):
    Project.objects.create(title="海岸清掃", department=department_a)
    with CaptureQueriesContext(connection) as captured:
        rows, more = newest_of_department(department_a, 10)
    assert rows[0].department is department_a and not more
    assert not any("accounts_department" in q["sql"] for q in captured.captured_queries)


def test_no_row_reads_nothing_more():
    with CaptureQueriesContext(connection) as captured:
        assert with_row_details([]) == []
    assert len(captured) == 0


def test_the_lists_base_built_once_is_never_read_itself(coordinator, partner_member, department_a):
    from kyodo.projects.selectors import _list_base, projects_of_partner_member

    Project.objects.create(title="海岸清掃", department=department_a)
    assert project_page(coordinator, {}, 1).paginator.count == 1
    assert project_page(partner_member, {}, 1).paginator.count == 0  # not a member's project
    assert projects_of_partner_member(partner_member) == []
    assert newest_of_department(department_a, 10)[0][0].title == "海岸清掃"
    assert _list_base() is _list_base() and _list_base()._result_cache is None
    assert not _list_base().query.where  # no list's filter left on it
