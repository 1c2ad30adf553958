from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.utils import timezone

from kyodo.calls import selectors, services
from kyodo.calls.models import Call, Grant
from kyodo.calls.services import CriterionInput
from kyodo.calls.tests.factories import (
    applicant,
    forming_project,
    make_call,
    make_evaluator,
    score_all,
    submit,
    to_evaluation,
)


@pytest.fixture
def two_criteria_call(db):
    return make_call(
        forming_project(),
        criteria=[CriterionInput("実績", 50, 5), CriterionInput("提案", 50, 10)],
    )


def test_ranking_arithmetic_with_ties_and_a_conflict(two_criteria_call):
    call = two_criteria_call
    apps = [submit(call, applicant(f"団体{i}")) for i in range(1, 5)]
    first, second = to_evaluation(call, [make_evaluator(), make_evaluator()])
    # Evaluator 1 and 2 (scale 5 and 10, weight 50 each):
    score_all(first, apps[0], [5, 6])  # 50 + 30 = 80
    score_all(second, apps[0], [3, 10])  # 30 + 50 = 80 → 80, spread 0
    score_all(first, apps[1], [4, 8])  # 40 + 40 = 80
    score_all(second, apps[1], [4, 8])  # 80 → 80: tied with apps[0]
    score_all(first, apps[2], [5, 10])  # 100
    score_all(second, apps[2], [1, 2])  # 10 + 10 = 20 → 60, spread 80
    score_all(first, apps[3], [5, 10])  # 100; the second evaluator has a conflict
    services.conflict_declare(actor=None, assignment=second, application=apps[3], has_conflict=True)
    # Before anyone submits, nothing counts.
    _criteria, rows = selectors.ranking(call)
    assert all(row.total is None and row.rank is None for row in rows)
    for assignment in (first, second):
        services.evaluation_submit(actor=None, assignment=assignment)

    criteria, rows = selectors.ranking(call)
    assert [c.name for c in criteria] == ["実績", "提案"]
    by_partner = {row.application.partner.name: row for row in rows}
    assert [row.application.partner.name for row in rows] == ["団体4", "団体1", "団体2", "団体3"]
    assert [row.rank for row in rows] == [1, 2, 2, 4]
    assert by_partner["団体1"].total == 80 and by_partner["団体1"].spread == 0
    assert by_partner["団体1"].averages == [Fraction(4), Fraction(8)]
    assert by_partner["団体3"].total == 60 and by_partner["団体3"].spread == 80
    assert by_partner["団体4"].total == 100 and by_partner["団体4"].evaluator_count == 1
    assert by_partner["団体4"].conflict_count == 1


def test_totals_are_exact_so_equal_scores_tie(db):
    """Thirds do not round apart: 1/3 + 2/3 equals 1 exactly."""
    call = make_call(
        forming_project(),
        criteria=[
            CriterionInput("a", 34, 3),
            CriterionInput("b", 33, 3),
            CriterionInput("c", 33, 3),
        ],
    )
    a, b = submit(call, applicant("甲")), submit(call, applicant("乙"))
    (only,) = to_evaluation(call, [make_evaluator()])
    score_all(only, a, [1, 2, 3])
    score_all(only, b, [1, 3, 2])
    services.evaluation_submit(actor=None, assignment=only)
    _criteria, rows = selectors.ranking(call)
    assert rows[0].total == rows[1].total == Fraction(34 * 1 + 33 * 5, 3)
    assert [r.rank for r in rows] == [1, 1]


def test_public_selectors_show_only_what_is_public(db):
    now = timezone.now()
    draft = make_call(forming_project(title="下書き"), open_=False, title="下書きの公募")
    open_call = make_call(forming_project(title="募集中"), title="募集中の公募")
    expired = make_call(forming_project(title="期限切れ"), title="締切を過ぎた公募")
    Call.objects.filter(pk=expired.pk).update(deadline=now - timedelta(minutes=1))
    assert list(selectors.open_calls()) == [open_call]
    assert set(selectors.public_calls()) == {open_call, expired}
    assert draft not in selectors.public_calls()
    assert list(selectors.published_results()) == []


def test_public_result_names_only_the_selected(db):
    call = make_call(forming_project())
    winner = submit(call, applicant("選ばれた会"))
    submit(call, applicant("次点の会"))
    submit(call, applicant("三番目の会"))
    (only,) = to_evaluation(call, [make_evaluator()])
    for application, value in zip(
        call.applications.order_by("receipt_number"), (5, 4, 3), strict=True
    ):
        score_all(only, application, [value] * 7)
    services.evaluation_submit(actor=None, assignment=only)
    services.call_decide(actor=None, call=call, selected=[winner], reason="理由")
    _criteria, rows = selectors.public_result(call)
    assert [(r.label, r.selected, r.total) for r in rows] == [
        ("選ばれた会", True, 100),
        ("応募者A", False, 80),
        ("応募者B", False, 60),
    ]
    assert not hasattr(rows[0], "application")


# --- Grants -----------------------------------------------------------------------------------


def grant(partner, purpose, start_year, end_year=None, **kwargs):
    end_year = end_year if end_year is not None else start_year + 1
    return services.grant_record(
        actor=None,
        partner=partner,
        purpose=purpose,
        amount=100_000,
        term_start=date(start_year, 4, 1),
        term_end=date(end_year, 3, 31),
        **kwargs,
    )


def test_three_consecutive_fiscal_years_for_the_same_purpose_warn(db, settings):
    partner = applicant()
    grant(partner, "見守り活動補助", 2023)
    grant(partner, "見守り活動補助", 2024)
    rows = selectors.grants_with_repeat_warnings(Grant.objects.all())
    assert {(g.consecutive_years, g.repeat_warning) for g in rows} == {(2, False)}
    # Full-width spaces and letters fold into the same purpose.
    grant(partner, "見守り活動補助　", 2025)
    rows = selectors.grants_with_repeat_warnings(Grant.objects.all())
    assert {(g.consecutive_years, g.repeat_warning) for g in rows} == {(3, True)}
    settings.KYODO_SUBSIDY_REPEAT_YEARS = 4
    rows = selectors.grants_with_repeat_warnings(Grant.objects.all())
    assert not any(g.repeat_warning for g in rows)


def test_a_gap_a_different_purpose_or_organisation_does_not_count(db):
    partner, other = applicant(), applicant("別団体")
    grant(partner, "見守り活動補助", 2021)
    grant(partner, "見守り活動補助", 2022)
    grant(partner, "見守り活動補助", 2024)  # 2023 missing
    grant(partner, "防災訓練補助", 2023)
    grant(other, "見守り活動補助", 2023)
    rows = selectors.grants_with_repeat_warnings(Grant.objects.all())
    assert not any(g.repeat_warning for g in rows)


def test_fiscal_years_run_april_to_march(db):
    partner = applicant()
    # January–March 2024 is fiscal 2023; April 2024 starts fiscal 2024.
    services.grant_record(
        actor=None,
        partner=partner,
        purpose="p",
        amount=1,
        term_start=date(2024, 1, 10),
        term_end=date(2024, 3, 31),
    )
    services.grant_record(
        actor=None,
        partner=partner,
        purpose="p",
        amount=1,
        term_start=date(2024, 4, 1),
        term_end=date(2025, 3, 31),
    )
    services.grant_record(
        actor=None,
        partner=partner,
        purpose="p",
        amount=1,
        term_start=date(2025, 4, 1),
        term_end=date(2025, 6, 30),
    )
    rows = selectors.grants_with_repeat_warnings(Grant.objects.all())
    assert {g.consecutive_years for g in rows} == {3}


def test_grant_terms_are_required_and_ordered(db, coordinator, partner_member):
    from django.core.exceptions import PermissionDenied, ValidationError

    partner = applicant()
    with pytest.raises(ValidationError) as excinfo:
        grant(partner, "p", 2025, 2024)
    assert excinfo.value.error_list[0].code == "term_order"
    with pytest.raises(PermissionDenied):
        services.grant_record(
            actor=partner_member,
            partner=partner,
            purpose="p",
            amount=1,
            term_start=date(2025, 4, 1),
            term_end=date(2026, 3, 31),
        )
    recorded = services.grant_record(
        actor=coordinator,
        partner=partner,
        purpose="p",
        amount=1,
        term_start=date(2025, 4, 1),
        term_end=date(2026, 3, 31),
    )
    services.grant_set_disclosure(actor=coordinator, grant=recorded, disclosure_status="disclosed")
    recorded.refresh_from_db()
    assert recorded.disclosure_status == "disclosed"


def test_grants_ended_without_review(db, coordinator):
    partner = applicant()
    ended = grant(partner, "p", 2023)
    reviewed = grant(partner, "q", 2023)
    grant(partner, "r", 2026)  # still running
    services.grant_review(actor=coordinator, grant=reviewed, notes="自主財源が増えた")
    today = date(2026, 11, 29)
    assert list(selectors.grants_ended_without_review(today)) == [ended]
