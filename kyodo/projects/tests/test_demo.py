import pytest

from kyodo.core.demo import seed_all
from kyodo.partners.models import PartnerMembership
from kyodo.projects.demo import SEA_GROUP
from kyodo.projects.models import AgreementDocument, Project, ProjectStatus, SuitabilityCheck

pytestmark = pytest.mark.django_db


def test_sample_projects_at_different_stages_and_idempotent():
    seed_all()
    seed_all()
    statuses = set(Project.objects.values_list("status", flat=True))
    assert {"idea", "assessing", "declined", "forming", "agreed"} <= statuses
    declined = Project.objects.get(status=ProjectStatus.DECLINED)
    assert "市が責任を持って対応すべき" in SuitabilityCheck.objects.get(project=declined).reason
    agreed = Project.objects.get(status=ProjectStatus.AGREED)
    assert AgreementDocument.objects.filter(agreement__project=agreed).count() == 1
    membership = PartnerMembership.objects.get(user__username="partner")
    assert membership.partner.name == SEA_GROUP
    assert Project.objects.filter(participations__partner__name=SEA_GROUP).count() == 2
    assert Project.objects.count() == 7
