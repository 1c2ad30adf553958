import pytest
from django.core.exceptions import PermissionDenied

from kyodo.partners.models import PartnerMembership
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects.services import participation_add


@pytest.fixture
def unlinked_partner(db):
    return PartnerFactory(name="網走の海を守る会")


@pytest.mark.parametrize("persona", ["coordinator", "staff_a"])
def test_city_side_adds_a_partner(request, new_project, unlinked_partner, persona):
    actor = request.getfixturevalue(persona)
    participation = participation_add(
        actor=actor, project=new_project, partner=unlinked_partner, role="清掃"
    )
    assert list(new_project.partners.all()) == [unlinked_partner]
    again = participation_add(
        actor=actor, project=new_project, partner=unlinked_partner, role="清掃と広報"
    )
    assert again.pk == participation.pk
    assert again.role == "清掃と広報"
    assert participation.history.count() == 2


@pytest.mark.parametrize(
    "persona", ["administrator", "staff_b", "partner_member", "evaluator", "outsider"]
)
def test_others_cannot_add_partners(request, new_project, unlinked_partner, persona):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        participation_add(actor=actor, project=new_project, partner=unlinked_partner)


def test_member_of_a_participating_partner_is_recognised(
    new_project, unlinked_partner, partner_member
):
    from kyodo.projects.rules import is_participating_partner_member

    assert not is_participating_partner_member(partner_member, new_project)
    PartnerMembership.objects.create(partner=unlinked_partner, user=partner_member)
    participation_add(actor=None, project=new_project, partner=unlinked_partner)
    assert is_participating_partner_member(partner_member, new_project)
