from kyodo.core.demo import seed_all
from kyodo.voices.models import Opinion, OpinionStatus, Survey
from kyodo.voices.selectors import closed_surveys, open_surveys


def test_sample_voices_are_made_once_in_every_status(db):
    seed_all()
    seed_all()
    statuses = set(Opinion.objects.values_list("status", flat=True))
    assert statuses == set(OpinionStatus.values)
    assert Opinion.objects.filter(status=OpinionStatus.PUBLISHED).count() == 2
    assert Opinion.objects.overdue().exists()
    closed = closed_surveys().get()
    assert closed.responses.count() == 24
    assert open_surveys().count() == 1
    assert Survey.objects.count() == 2
    # Made through the services: each record has its history.
    assert all(opinion.history.exists() for opinion in Opinion.objects.all())
