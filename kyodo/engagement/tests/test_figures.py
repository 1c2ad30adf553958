"""The figures by department, and the small-group rule: under 5 people nothing is shown."""

from decimal import Decimal

import pytest

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.engagement import selectors, services
from kyodo.engagement.tests import factories

pytestmark = pytest.mark.django_db


def _row(figures, department):
    return next(row for row in figures if row.department == department)


@pytest.mark.parametrize("size, suppressed", [(4, True), (5, False)])
def test_a_department_is_shown_from_five_staff(size, suppressed):
    department = DepartmentFactory(name="小さな課")
    people = factories.staff_in(department, size)
    factories.activity(people[0], hours=Decimal("3.5"))
    factories.activity(people[0], hours=Decimal("1.0"), date=factories.past(11))
    factories.activity(people[1], hours=Decimal("2.0"))
    row = _row(selectors.activity_figures(selectors.current_fiscal_year()), department)
    assert row.suppressed is suppressed
    if suppressed:
        assert (row.participants, row.entries, row.hours, row.share) == (None, None, None, None)
    else:
        assert (row.staff, row.participants, row.entries, row.hours) == (5, 2, 3, Decimal("6.5"))
        assert row.share == pytest.approx(0.4)


@pytest.mark.parametrize("size, suppressed", [(4, True), (5, False)])
def test_training_figures_follow_the_same_rule(size, suppressed):
    department = DepartmentFactory(name="研修の課")
    people = factories.staff_in(department, size)
    training = factories.training(department)
    services.attendance_record(actor=None, training=training, attendees=people[:3])
    row = _row(selectors.training_figures(selectors.current_fiscal_year()), department)
    assert row.suppressed is suppressed
    assert row.participants == (None if suppressed else 3)


def test_an_activity_of_another_fiscal_year_is_not_counted():
    department = DepartmentFactory(name="年度の課")
    people = factories.staff_in(department, 5)
    factories.activity(people[0], date=factories.past(400))
    row = _row(selectors.activity_figures(selectors.current_fiscal_year()), department)
    assert (row.participants, row.entries) == (0, 0)


def test_the_figures_page_never_names_anyone(persona_client, staff_a, department_a):
    people = factories.staff_in(department_a, 4)  # with staff_a: 5
    factories.activity(people[0], description="名前を出さない活動")
    response = persona_client("staff_a").get("/engagement/figures/")
    text = response.content.decode()
    assert response.status_code == 200
    assert people[0].display_name not in text
    assert "名前を出さない活動" not in text
    assert "<svg" in text and "<table" in text  # the chart, and its table beside it
