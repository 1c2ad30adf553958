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
    assert Project.objects.count() == count  # other apps add their own sample projects
    statuses = set(Project.objects.values_list("status", flat=True))
    # The cycles' sample data moves the agreed sample project on to running.
    assert {"idea", "assessing", "declined", "forming"} <= statuses
    assert statuses & {"agreed", "running"}
    declined = Project.objects.get(status=ProjectStatus.DECLINED)
    assert "市が責任を持って対応すべき" in SuitabilityCheck.objects.get(project=declined).reason
    agreed = Project.objects.get(title__startswith="花いっぱい運動")
    assert agreed.status in {ProjectStatus.AGREED, ProjectStatus.RUNNING}
    assert AgreementDocument.objects.filter(agreement__project=agreed).count() == 1
    assert PartnerMembership.objects.filter(
        user__username="partner", partner__name=SEA_GROUP
    ).exists()
    assert Project.objects.filter(participations__partner__name=SEA_GROUP).count() == 2
