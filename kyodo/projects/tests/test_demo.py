import pytest

from kyodo.core.demo import seed_all
from kyodo.partners.models import PartnerMembership
from kyodo.projects.demo import SEA_GROUP
from kyodo.projects.models import AgreementDocument, Project, ProjectStatus, SuitabilityCheck

pytestmark = pytest.mark.django_db


def test_sample_projects_at_different_stages_and_idempotent():
    seed_all()
    count = Project.objects.count()
    seed_all()
    statuses = set(Project.objects.values_list("status", flat=True))
    # The cycles samples start the agreed projects' first cycle, which makes them running.
    assert {"idea", "assessing", "declined", "forming", "running"} <= statuses
    declined = Project.objects.get(status=ProjectStatus.DECLINED)
    assert "市が責任を持って対応すべき" in SuitabilityCheck.objects.get(project=declined).reason
    agreed = Project.objects.get(title="花いっぱい運動（市道沿い花壇の美化）")
    assert agreed.status in (ProjectStatus.AGREED, ProjectStatus.RUNNING)
    assert AgreementDocument.objects.filter(agreement__project=agreed).count() == 1
    # The partners samples give the demo partner account its own group as well.
    assert SEA_GROUP in PartnerMembership.objects.filter(user__username="partner").values_list(
        "partner__name", flat=True
    )
    assert Project.objects.filter(participations__partner__name=SEA_GROUP).count() == 2
    assert Project.objects.count() == count
