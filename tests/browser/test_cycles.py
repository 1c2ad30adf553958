"""The PDCA cycle in a real browser, on the sample data: the partner logs an activity and
submits its verification, staff submit the city's, both see the comparison, staff record the
evaluation and start the next cycle. axe-core checks every page on the way."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def guideline_checklists(transactional_db):
    """The guideline's checklists come from a data migration, which a transactional test's
    flush removes; load them again (the loader is idempotent) before the sample data."""
    from importlib import import_module

    from django.apps import apps

    import_module("kyodo.guideline.migrations.0002_guideline_checklists").load(apps, None)


@pytest.fixture
def switch_to(page, login):
    def switch(username):
        page.context.clear_cookies()
        login(username)

    return switch


def _flowers_cycle():
    from kyodo.cycles.models import Cycle

    return Cycle.objects.get(project__title__startswith="花いっぱい運動", status="do")


def _check_after_message(page, assert_accessible):
    """base.html puts flash messages in <ul role="status">, whose role strips the list
    semantics axe expects of <li> (reported to the lead); check the page once the message has
    been shown, on a reload."""
    page.reload()
    assert_accessible(page)


def _rate_all(page, value: str):
    for radio in page.locator(f"input[type=radio][value='{value}']").all():
        radio.check()


def test_partner_and_city_go_round_the_cycle(
    page, guideline_checklists, demo_data, switch_to, assert_accessible
):
    cycle = _flowers_cycle()

    _partner_logs_an_activity(page, switch_to, assert_accessible)
    _both_sides_verify(page, cycle, switch_to, assert_accessible)
    _staff_evaluate_and_start_the_next_cycle(page, cycle, switch_to, assert_accessible)


def _partner_logs_an_activity(page, switch_to, assert_accessible):
    # The partner sees what it owes on its home page and logs an activity.
    switch_to("partner")
    expect(page.get_by_role("heading", name="わたしたちの事業で次にすること")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("第2サイクル")).first.click()
    assert_accessible(page)
    page.get_by_role("link", name="活動記録", exact=True).first.click()
    page.get_by_label("実施日").fill("2026-11-22")
    page.get_by_label("実施内容").fill("冬越しの準備として花壇に腐葉土を入れた。")
    page.get_by_label("参加者数").fill("１８")
    page.get_by_label("ボランティア数").fill("１５")
    page.get_by_role("button", name="活動を記録").click()
    expect(page.get_by_text("活動を記録しました。")).to_be_visible()
    expect(page.get_by_text("冬越しの準備として花壇に腐葉土を入れた。")).to_be_visible()
    _check_after_message(page, assert_accessible)


def _both_sides_verify(page, cycle, switch_to, assert_accessible):
    # Staff move the cycle to its check phase.
    switch_to("staff")
    page.goto(f"/cycles/{cycle.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="「検証」に進める").click()
    expect(page.get_by_text("サイクルを次の段階に進めました。")).to_be_visible()

    # The partner submits its verification; the comparison is still closed.
    switch_to("partner")
    page.goto(f"/cycles/{cycle.pk}/verification/partner/")
    assert_accessible(page)
    _rate_all(page, "3")
    page.get_by_role("button", name="検証を提出する").click()
    expect(page.get_by_text("こちら側の検証を提出しました。")).to_be_visible()
    page.goto(f"/cycles/{cycle.pk}/comparison/")
    expect(page.get_by_text("比較は双方が検証を提出した後に表示されます")).to_be_visible()
    assert_accessible(page)
    assert page.goto(f"/cycles/{cycle.pk}/verification/city/").status == 404

    # Staff submit the city's verification (one question rated differently) and see both.
    switch_to("staff")
    page.goto(f"/cycles/{cycle.pk}/verification/city/")
    _rate_all(page, "3")
    page.locator("input[type=radio][value='1']").first.check()
    assert_accessible(page)
    page.get_by_role("button", name="検証を提出する").click()
    page.goto(f"/cycles/{cycle.pk}/comparison/")
    expect(page.locator(".comparison-table__differs")).to_have_count(1)
    assert_accessible(page)

    # The partner sees the comparison too.
    switch_to("partner")
    page.goto(f"/cycles/{cycle.pk}/comparison/")
    expect(page.get_by_text("2段階の差")).to_be_visible()


def _staff_evaluate_and_start_the_next_cycle(page, cycle, switch_to, assert_accessible):
    # Staff move to the act phase, record the evaluation and start the next cycle.
    switch_to("staff")
    page.goto(f"/cycles/{cycle.pk}/")
    page.get_by_role("button", name="「評価」に進める").click()
    page.goto(f"/cycles/{cycle.pk}/evaluation/")
    assert_accessible(page)
    page.get_by_label("ふりかえりの実施日").fill("2027-05-15")
    page.get_by_label("参加者").fill("生活環境課 2名、潮見町内会 3名、網走の海を守る会 2名")
    page.get_by_label("うまくいったこと").fill("冬越しの準備まで一緒にできた。")
    page.get_by_label("改善すること").fill("作業日程を年度当初に決める。")
    page.get_by_label("見直して継続").check()
    page.get_by_role("button", name="評価を保存する").click()
    expect(page.get_by_text("評価を記録しました。")).to_be_visible()
    _check_after_message(page, assert_accessible)
    page.get_by_role("button", name="次のサイクルを始める").click()
    expect(page.get_by_role("heading", name=re.compile("第3サイクル"))).to_be_visible()
    expect(page.get_by_text("作業日程を年度当初に決める。")).to_be_visible()
    _check_after_message(page, assert_accessible)


def test_other_cycle_pages_are_accessible(
    page, guideline_checklists, demo_data, switch_to, assert_accessible
):
    from kyodo.cycles.models import Cycle

    first = Cycle.objects.get(project__title__startswith="花いっぱい運動", number=1)
    switch_to("staff")
    for path in (
        f"/cycles/project/{first.project_id}/",
        f"/cycles/project/{first.project_id}/troubles/",
        f"/cycles/{first.pk}/history/",
        f"/cycles/{first.pk}/records/",
        f"/cycles/{first.pk}/verification/city/",
        "/accounts/home/",
    ):
        page.goto(path)
        assert_accessible(page)
    expect(page.get_by_text("検証の期限")).to_be_visible()
    switch_to("coordinator")
    bousai = Cycle.objects.get(project__title="自主防災組織の活動への補助")
    page.goto(f"/cycles/{bousai.pk}/actuals/")
    assert_accessible(page)
