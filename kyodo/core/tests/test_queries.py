import pytest
from django.db.models import F, Q

from kyodo.core.queries import through


def test_a_condition_moves_through_a_relation_with_its_connectors_and_negations():
    condition = Q(department_id=1) & ~Q(status="closed") | Q(pk__in=[2, 3])
    moved = through("project", condition)
    assert moved == (
        Q(project__department_id=1) & ~Q(project__status="closed") | Q(project__pk__in=[2, 3])
    )


def test_nothing_stays_nothing():
    assert through("project", Q()) == Q()


def test_an_expression_is_refused_rather_than_pointed_at_another_model():
    with pytest.raises(ValueError):
        through("project", Q(fiscal_year_to__gte=F("fiscal_year_from")))
