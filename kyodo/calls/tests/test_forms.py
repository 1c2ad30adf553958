"""The amount fields of calls are the core YenField, kept within the integer columns."""

import pytest

from kyodo.calls.forms import ApplicationForm, CallForm, GrantForm
from kyodo.partners.models import Partner


def _errors(form, name):
    form.is_valid()
    return form.errors.get(name)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("-1", ["0円以上の金額を入力してください。"]),
        ("1000.0", ["金額は円単位の整数（数字のみ）で入力してください。"]),
        ("2147483648", ["2,147,483,647円以下の金額を入力してください。"]),
        ("２，１４７，４８３，６４７円", None),
    ],
)
def test_amounts_of_calls_applications_and_grants(db, typed, expected):
    forms = [
        (CallForm(data={"budget_ceiling": typed}), "budget_ceiling"),
        (
            ApplicationForm(data={"budget_amount": typed}, organisations=Partner.objects.none()),
            "budget_amount",
        ),
        (GrantForm(data={"amount": typed}), "amount"),
    ]
    for form, name in forms:
        assert _errors(form, name) == expected, name
        if expected is None:
            assert form.cleaned_data[name] == 2_147_483_647
