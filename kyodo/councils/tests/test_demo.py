from kyodo.core.demo import seed_all
from kyodo.councils import selectors
from kyodo.councils.models import Council, Meeting, Outcome


def test_sample_councils_are_made_once(db):
    seed_all()
    seed_all()
    councils = list(Council.objects.order_by("name"))
    assert len(councils) == 3
    rows = {row.council.name: row for row in selectors.council_rows(councils)}
    hollow = [name for name, row in rows.items() if row.hollow]
    assert hollow == ["（サンプル）網走市観光振興委員会"]
    below = [name for name, row in rows.items() if row.shares.below_target]
    assert below == ["（サンプル）網走市地域福祉推進協議会"]
    assert Meeting.objects.filter(minutes_published_at__isnull=False).count() == 9
    assert Outcome.objects.count() == 6
    assert selectors.upcoming_public_meetings(days=30).count() == 3
    partner_terms = Council.objects.filter(terms__partner__isnull=False).distinct()
    assert partner_terms.count() == 1
