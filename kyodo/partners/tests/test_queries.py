"""Each partner page's query count is pinned, and does not grow with the data."""

import pytest
from django.urls import reverse

from kyodo.partners import services
from kyodo.partners.tests.factories import PartnerFactory, activity_field, membership
from kyodo.projects.models import Participation, Project

pytestmark = pytest.mark.django_db


def make_partners(count, department=None):
    partners = [
        PartnerFactory(fields=["防災", "福祉"], activity="防災と見守り", area_served="潮見地区")
        for _ in range(count)
    ]
    if department is not None:
        for n, partner in enumerate(partners):
            project = Project.objects.create(title=f"協働事業{n}", department=department)
            Participation.objects.create(project=project, partner=partner, role="運営")
    return partners


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(
    ("params", "queries"),
    # Without a query: count and page; with one: the index query, the matched words of the
    # page's partners, and the page.
    [({}, 9), ({"q": "防災"}, 10), ({"area": "潮見"}, 9)],
)
def test_list_page(persona_client, django_assert_num_queries, size, params, queries):
    make_partners(size)
    client = persona_client("staff_a")
    # session, user, roles, nav perms, filter form choices (2), count or search, page,
    # prefetch of fields
    with django_assert_num_queries(queries):
        assert client.get(reverse("partners:list"), params).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_detail_page(persona_client, django_assert_num_queries, department_a, coordinator, size):
    partner = make_partners(1, department_a)[0]
    for n in range(size):
        services.partner_update(actor=coordinator, partner=partner, data={"activity": f"活動{n}"})
        Participation.objects.create(
            project=Project.objects.create(title=f"追加{n}", department=department_a),
            partner=partner,
        )
    client = persona_client("staff_a")
    # The members are on their own tab (see test_member_list_page), not fetched here. Four
    # queries are the blocks of higher apps: the councils' seats (councils/sections.py) and the
    # promotion measures' track record (engagement/sections.py: three).
    with django_assert_num_queries(14):
        assert client.get(reverse("partners:detail", args=[partner.pk])).status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_match_page(persona_client, django_assert_num_queries, size):
    make_partners(size)
    field = activity_field("防災")
    client = persona_client("staff_a")
    # One index query per word of the issue (here one), the partner count, the fields the
    # issue names and the partners' projects (issue 17-8), never per partner.
    with django_assert_num_queries(13):
        response = client.get(reverse("partners:match"), {"query": "見守り", "fields": [field.pk]})
        assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_taxonomy_page(persona_client, django_assert_num_queries, size):
    make_partners(size)
    client = persona_client("coordinator")
    with django_assert_num_queries(6):
        assert client.get(reverse("partners:taxonomy")).status_code == 200


@pytest.mark.parametrize("size", [1, 4])
def test_partner_home_panel(persona_client, partner_member, django_assert_num_queries, size):
    for partner in make_partners(size):
        membership(partner, partner_member)
    client = persona_client("partner_member")
    # The page gathers the panels of partners, projects, cycles and calls.
    with django_assert_num_queries(10):
        assert client.get(reverse("accounts:partner_home")).status_code == 200


@pytest.mark.parametrize("size", [2, 20])
@pytest.mark.parametrize(("persona", "queries"), [("coordinator", 6), ("partner_member", 7)])
def test_member_list_page(
    persona_client, partner_member, django_assert_num_queries, size, persona, queries
):
    from kyodo.accounts.tests.factories import UserFactory

    partner = make_partners(1)[0]
    membership(partner, partner_member)
    for _ in range(size - 1):
        membership(partner, UserFactory())
    client = persona_client(persona)
    # session, user, the partner, roles, municipality, the memberships with their users; for a
    # partner member, their own organisations too (to check access).
    with django_assert_num_queries(queries):
        assert client.get(reverse("partners:members", args=[partner.pk])).status_code == 200
