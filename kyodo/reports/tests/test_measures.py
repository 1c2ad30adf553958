"""Councils, opinions and surveys on the dashboard and in the alerts, on hand-made records."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kyodo.councils.models import Category, Gender
from kyodo.councils.tests.factories import appoint, make_council
from kyodo.reports.alerts import alerts_for
from kyodo.reports.figures import Scope
from kyodo.reports.figures.measures import council_figures, opinion_figures, survey_figures
from kyodo.voices.tests.factories import assigned, replied

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def _row(section, label):
    return next(row for row in section.rows if str(row.label) == label).values


def test_council_shares_against_the_target(department_a, department_b):
    balanced = make_council(department_a)
    for gender in (Gender.FEMALE, Gender.FEMALE, Gender.MALE, Gender.MALE):
        appoint(balanced, gender=gender)
    lopsided = make_council(department_b, seats=5)
    appoint(lopsided, gender=Gender.FEMALE, category=Category.EX_OFFICIO)
    for _ in range(3):
        appoint(lopsided, gender=Gender.MALE, category=Category.PUBLIC)
    section = council_figures(Scope(2026))
    assert _row(section, "Councils") == [2, 2, 2]  # both established in 2020
    assert _row(section, "Members") == [0, 8, 8]  # the terms start on 1 April 2025
    assert _row(section, "Share of women")[-1] == pytest.approx(3 / 8)
    assert _row(section, "Share of women, ex officio members aside")[-1] == pytest.approx(2 / 7)
    assert _row(section, "Share publicly recruited")[-1] == pytest.approx(3 / 8)
    assert _row(section, "Vacancies")[-1] == 6 + 1
    assert _row(section, "Councils below the women's target")[-1] == 1
    own = council_figures(Scope(2026, department_a))
    assert _row(own, "Members")[-1] == 4


def test_a_council_below_the_target_is_an_alert_until_it_is_balanced(department_b):
    council = make_council(department_b, seats=5, meetings_per_year=0)
    appoint(council, gender=Gender.MALE)
    assert [a.kind for a in alerts_for() if a.kind.startswith("council")] == [
        "council_below_target"
    ]
    appoint(council, gender=Gender.FEMALE)
    assert [a.kind for a in alerts_for() if a.kind.startswith("council")] == []


def test_opinions_by_year_and_the_overdue_alert(department_a, department_b):
    replied(department_a)  # received 1 June 2026, replied in 5 days
    late = assigned(department_b)  # received 1 June 2026, due 15 June, never replied
    section = opinion_figures(Scope(2026))
    assert _row(section, "Received") == [0, 0, 2]
    assert _row(section, "Replied") == [0, 0, 1]
    assert _row(section, "Median days to reply")[-1] == 5
    assert _row(section, "Share replied within the target")[-1] == 1.0
    assert _row(section, "Share reflected")[-1] == 1.0
    overdue = [a for a in alerts_for(department_b) if a.kind == "opinion_overdue"]
    assert [a.since for a in overdue] == [late.due_on]
    assert [a for a in alerts_for(department_a) if a.kind == "opinion_overdue"] == []


def test_surveys_closing_in_the_year(department_a):
    from kyodo.voices.models import Survey
    from kyodo.voices.tests.factories import make_survey, open_survey, question

    published = open_survey(title="市民満足度調査2026", versions=[question("satisfaction")])
    make_survey(title="下書きの調査")
    opens = datetime(2026, 5, 1, 9, tzinfo=TOKYO)  # it ran in May (dates set as test data)
    Survey.objects.update(opens_at=opens, closes_at=opens + timedelta(days=30))
    assert published.published_at is not None
    section = survey_figures(Scope(2026))
    assert _row(section, "Surveys") == [0, 0, 1]
    assert _row(section, "市民満足度調査2026") == [None, None, 0]
    assert "下書きの調査" not in [str(row.label) for row in section.rows]  # not published


def test_a_hollow_council_is_an_alert_until_its_meetings_conclude(department_a):
    from kyodo.councils import services as council_services
    from kyodo.councils.tests.factories import make_meeting

    council = make_council(department_a, meetings_per_year=0)
    appoint(council, gender=Gender.FEMALE)
    appoint(council, gender=Gender.MALE)
    meetings = [
        make_meeting(council, day=date(2026, month, 10)) for month in (5, 6, 7)
    ]  # three meetings without an outcome
    assert [a.kind for a in alerts_for() if a.kind.startswith("council")] == ["council_hollow"]
    council_services.outcome_add(
        actor=None, meeting=meetings[-1], kind="hokoku", title="報告", text="報告をまとめた"
    )
    assert [a.kind for a in alerts_for() if a.kind.startswith("council")] == []
