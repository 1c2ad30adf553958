"""The staff project list at a large city's size (issue 19): paginated, no <select> of every
partner, a constant number of queries per page."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects.models import AgreedPoint, Participation, Project

pytestmark = pytest.mark.django_db


def make_projects(count, department, partner=None, title="事業"):
    projects = []
    for n in range(count):
        project = Project.objects.create(
            title=f"{title}{n}", department=department, search_text=f"{title}{n}"
        )
        Participation.objects.create(project=project, partner=partner or PartnerFactory())
        AgreedPoint.objects.create(project=project, text=f"合意{n}")
        projects.append(project)
    return projects


class SelectSizes(HTMLParser):
    """The number of <option>s of each <select> of a page."""

    def __init__(self):
        super().__init__()
        self.sizes = []

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self.sizes.append(0)
        elif tag == "option" and self.sizes:
            self.sizes[-1] += 1


def select_sizes(html: str) -> list[int]:
    parser = SelectSizes()
    parser.feed(html)
    return parser.sizes


def rows(html: str) -> int:
    return len(re.findall(r'<a href="/projects/[0-9a-f-]{36}/">', html))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"partner_name": "団体"},
        {"q": "事業"},
        {"status": "idea", "page": "2"},
        {"partner": "x"},
    ],
)
def test_list_queries_are_constant(persona_client, department_a, django_assert_num_queries, params):
    client = persona_client("staff_a")
    # session, user, roles, the departments of the filter, the count, the page's projects,
    # their partners' names and the rows' departments (kept until a record changes: the
    # projects were just made), the city being kept (kyodo.core.city).
    client.get(reverse("projects:list"))
    for size in (3, 30):
        make_projects(size, department_a)
        with django_assert_num_queries(8):
            response = client.get(reverse("projects:list"), params)
        assert response.status_code == 200 and response.context["projects"]


def test_sixty_projects_make_two_pages_and_the_filters_stay(persona_client, department_a):
    make_projects(60, department_a)
    client = persona_client("staff_a")
    html = client.get(reverse("projects:list"), {"status": "idea"}).content.decode()
    assert rows(html) == 50
    assert "1 / 2ページ" in html
    assert 'href="?status=idea&amp;page=2"' in html
    second = client.get(reverse("projects:list"), {"status": "idea", "page": "2"})
    html = second.content.decode()
    assert rows(html) == 10
    assert 'href="?status=idea&amp;page=1"' in html
    shown = {p.title for p in second.context["page"].object_list}
    first = client.get(reverse("projects:list"), {"status": "idea"}).context["page"]
    assert shown.isdisjoint(p.title for p in first.object_list)
    # A page past the end shows the last one, never an error.
    assert rows(client.get(reverse("projects:list"), {"page": "99"}).content.decode()) == 10


def test_no_select_lists_every_partner(persona_client, department_a):
    for n in range(150):
        PartnerFactory(name=f"団体{n}")
    make_projects(3, department_a)
    html = persona_client("staff_a").get(reverse("projects:list")).content.decode()
    sizes = select_sizes(html)
    assert sizes and max(sizes) <= 100


def test_filter_by_a_partners_name_or_reading(persona_client, department_a, department_b):
    kaigan = PartnerFactory(name="海岸清掃の会", name_kana="カイガンセイソウノカイ")
    make_projects(2, department_a, partner=kaigan, title="清掃")
    make_projects(2, department_b, title="別")
    client = persona_client("coordinator")
    url = reverse("projects:list")
    for words in ("海岸", "ｶｲｶﾞﾝ", "カイガン 清掃"):
        titles = {p.title for p in client.get(url, {"partner_name": words}).context["projects"]}
        assert titles == {"清掃0", "清掃1"}, words
    assert not client.get(url, {"partner_name": "存在しない団体"}).context["projects"]
    by_id = client.get(url, {"partner": str(kaigan.pk)})
    assert {p.title for p in by_id.context["projects"]} == {"清掃0", "清掃1"}
    # The hidden partner id stays in the page links and in the form.
    assert f'value="{kaigan.pk}"' in by_id.content.decode()


def test_a_malformed_partner_id_is_no_error(persona_client, department_a):
    make_projects(2, department_a)
    response = persona_client("staff_a").get(reverse("projects:list"), {"partner": "nope"})
    assert response.status_code == 200
