import pytest
from django.core.exceptions import PermissionDenied

from kyodo.partners.models import Partner, PartnerMembership, PartnerType
from kyodo.projects.models import Project
from kyodo.projects.services import participation_add


@pytest.fixture
def project(department_a):
    return Project.objects.create(title="海岸清掃の協働", department=department_a)


@pytest.fixture
def partner(db):
    # The partners app's migration already seeds this type.
    partner_type, _ = PartnerType.objects.get_or_create(name="ボランティア団体")
    return Partner.objects.create(name="網走の海を守る会", partner_type=partner_type)


@pytest.mark.parametrize("persona", ["coordinator", "staff_a"])
def test_city_side_adds_a_partner(request, project, partner, persona):
    actor = request.getfixturevalue(persona)
    participation = participation_add(actor=actor, project=project, partner=partner, role="清掃")
    assert list(project.partners.all()) == [partner]
    again = participation_add(actor=actor, project=project, partner=partner, role="清掃と広報")
    assert again.pk == participation.pk
    assert again.role == "清掃と広報"
    assert participation.history.count() == 2


@pytest.mark.parametrize(
    "persona", ["administrator", "staff_b", "partner_member", "evaluator", "outsider"]
)
def test_others_cannot_add_partners(request, project, partner, persona):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        participation_add(actor=actor, project=project, partner=partner)


def test_member_of_a_participating_partner_is_recognised(project, partner, partner_member):
    from kyodo.projects.rules import is_participating_partner_member

    assert not is_participating_partner_member(partner_member, project)
    PartnerMembership.objects.create(partner=partner, user=partner_member)
    participation_add(actor=None, project=project, partner=partner)
    assert is_participating_partner_member(partner_member, project)
