from kyodo.calls.models import Call, CallStatus, Score
from kyodo.core.demo import seed_all
from kyodo.projects.models import Participation, ProjectStatus, StatusChange


def test_sample_calls_are_made_once(db):
    seed_all()
    seed_all()
    statuses = sorted(Call.objects.values_list("status", flat=True))
    assert statuses == sorted([CallStatus.OPEN, CallStatus.EVALUATING, CallStatus.PUBLISHED])
    evaluating = Call.objects.get(status=CallStatus.EVALUATING)
    scorers = Score.objects.filter(application__call=evaluating).values("assignment__evaluator")
    assert scorers.distinct().count() == 2
    published = Call.objects.get(status=CallStatus.PUBLISHED)
    assert Participation.objects.filter(project=published.project).count() == 1
    assert all("（サンプル）" in call.title for call in Call.objects.all())
    # The sample projects reached "forming" through the projects services (with the record of
    # the step), not by setting their status.
    for call in Call.objects.select_related("project"):
        assert call.project.status == ProjectStatus.FORMING
        assert StatusChange.objects.filter(project=call.project, to_status="forming").exists()
    from kyodo.accounts.models import User

    partner = User.objects.get(username="partner")
    assert partner.partner_memberships.exists()
    assert User.objects.get(username="evaluator2").check_password("kyodo-demo")
