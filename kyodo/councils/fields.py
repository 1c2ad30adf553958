"""Form fields that read what people type: full-width digits, 和暦 dates, stray spaces."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.core import normalize, wareki

_ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和", "T": "大正", "M": "明治"}
_WAREKI = re.compile(
    r"^(令和|平成|昭和|大正|明治|[RHSTM])\s*(元|\d+)\s*[年.\-/]\s*(\d+)\s*[月.\-/]\s*(\d+)\s*日?$"
)
_WESTERN = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")


def _era_start_year(name: str) -> int:
    return (
        next(era.start.year for era in wareki.ERAS if era.name == name) if name != "明治" else 1868
    )


def parse_date(text: str) -> date | None:
    """2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日, 令和元年5月1日, R8.4.1 (any width)."""
    text = normalize.nfkc(text).strip().upper()
    found = _WAREKI.match(text)
    if found:
        era = _ERA_LETTERS.get(found[1], found[1])
        year = 1 if found[2] == "元" else int(found[2])
        parts = (_era_start_year(era) + year - 1, int(found[3]), int(found[4]))
    else:
        found = _WESTERN.match(text)
        if not found:
            return None
        parts = tuple(int(part) for part in found.groups())
    try:
        return date(*parts)
    except ValueError:
        return None


class JapaneseDateField(forms.DateField):
    widget = forms.TextInput

    default_error_messages = {
        "invalid": _("Enter a date such as 2026-04-01 or 令和8年4月1日."),
    }

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "placeholder": "2026-04-01", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class FoldedIntegerField(forms.IntegerField):
    """An integer typed with full-width digits is still an integer (hence a text input)."""

    widget = forms.TextInput

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        return {**attrs, "inputmode": "numeric"}

    def to_python(self, value):
        if isinstance(value, str):
            value = normalize.nfkc(value).strip()
        return super().to_python(value)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class FoldedDateTimeField(forms.DateTimeField):
    """A date and time typed in any width (２０２６－０４－０１　１０：００ as well)."""

    widget = DateTimeLocalInput

    def to_python(self, value):
        if isinstance(value, str):
            value = normalize.nfkc(value).strip().replace("T", " ")
        return super().to_python(value)
