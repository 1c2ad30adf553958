import datetime
from dataclasses import asdict
from decimal import Decimal

import pytest

from kyodo.cycles import public_results, selectors, services
from kyodo.cycles.models import Side
from kyodo.cycles.tests.factories import all_answers, cycle_in, make_project


@pytest.mark.parametrize(
    ("target", "actual", "rate"),
    [
        (100, 85, Decimal("85.0")),
        (12, 10, Decimal("83.3")),
        (3, 2, Decimal("66.7")),
        (8, 1, Decimal("12.5")),
        (200, 250, Decimal("125.0")),
        (Decimal("0.5"), Decimal("0.25"), Decimal("50.0")),
        (100, None, None),
        (0, 5, None),
    ],
)
def test_achievement_rate(target, actual, rate):
    assert selectors.achievement_rate(target, actual) == rate


def test_budget_planned_against_actual_per_side(project):
    cycle = cycle_in(project, "do")
    city = cycle.budget_lines.order_by("created_at").first()
    services.actuals_record(actor=None, cycle=cycle, indicators={}, budget={city.pk: 50000})
    summary = selectors.budget_summary(cycle)
    assert summary["city"] == {
        "planned": 48000,
        "actual": 50000,
        "difference": 2000,
        "rate": Decimal("104.2"),
    }
    assert summary["partner"]["planned"] == 12600 and summary["partner"]["actual"] == 0
    assert summary["all"]["planned"] == 60600 and summary["all"]["actual"] == 50000
    assert summary["all"]["difference"] == -10600


def test_comparison_is_none_until_both_sides_submitted(project, verification_questions):
    cycle = cycle_in(project, "check")
    city = services.verification_save(
        actor=None, cycle=cycle, side="city", answers=all_answers(verification_questions, 4)
    )
    services.verification_submit(actor=None, verification=city)
    assert selectors.comparison(cycle) is None
    answers = all_answers(verification_questions, 4)
    answers[verification_questions[0].pk] = (2, "話し合いが足りなかった")
    partner = services.verification_save(actor=None, cycle=cycle, side="partner", answers=answers)
    assert selectors.comparison(cycle) is None  # a draft does not open it
    services.verification_submit(actor=None, verification=partner)
    groups = selectors.comparison(cycle)
    assert [name for name, _rows in groups] == [
        "目的設定の妥当性",
        "協働の妥当性",
        "協働形態の妥当性",
        "協働相手の妥当性",
        "事業成果の把握",
    ]
    rows = [row for _name, rows in groups for row in rows]
    assert [row.differs for row in rows].count(True) == 1
    assert rows[0].gap == 2 and rows[0].partner.comment == "話し合いが足りなかった"


def test_public_results_carry_no_personal_data(project, staff_a):
    cycle = cycle_in(project, "act")
    services.evaluation_record(
        actor=staff_a,
        cycle=cycle,
        reviewed_on=datetime.date(2027, 4, 10),
        attendees="（テスト）山田 太郎、佐藤 花子",
        worked_well="山田さんの呼びかけで参加者が増えた",
        to_improve="",
        decision="continue",
    )
    project.status = "agreed"
    project.save()
    results = public_results.public_cycle_results(project)
    assert len(results) == 1
    text = repr([asdict(r) for r in results])
    for private in ("山田", "佐藤", staff_a.username, "呼びかけ"):
        assert private not in text
    assert results[0].decision == "continue" and results[0].budget_planned == 60600


def test_public_results_are_empty_for_a_project_not_public(department_a):
    project = make_project(department_a, status="forming")
    assert public_results.public_cycle_results(project) == []


def test_what_each_side_is_to_do_next(project, department_a, partner_member, staff_a):
    cycle = cycle_in(project, "check")
    v = services.verification_save(
        actor=None, cycle=cycle, side=Side.CITY, answers={}
    )  # a draft only
    assert v.pk
    rows = selectors.cycle_rows(selectors.staff_projects(staff_a), Side.CITY)
    assert [needs for _c, needs in rows] == ["検証待ち"]
    rows = selectors.cycle_rows(selectors.partner_projects(partner_member), Side.PARTNER)
    assert [needs for _c, needs in rows] == ["こちら側の検証を提出してください"]
