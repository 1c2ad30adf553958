"""What the cycle services share: the checks of amounts and periods."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _validate_period(start, end) -> None:
    if start and end and end < start:
        raise ValidationError(
            {"period_end": _("The end of the period cannot be before its start.")}
        )


def _whole_yen(field: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError({field: _("Enter the amount in whole yen, 0 or more.")})


def _number(field: str, value) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValidationError({field: _("Enter a number.")})
    value = Decimal(value)
    if value < 0:
        raise ValidationError({field: _("Enter 0 or more.")})
    return value
