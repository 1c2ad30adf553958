"""The form a survey is answered with, built from its questions.

Its fields are named `item_<id>` (and `item_<id>_other` for "other, please say"), the names
the answers service uses in its refusals, so a refusal lands beside its question.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.core import normalize
from kyodo.voices.models import QuestionKind
from kyodo.voices.services import Given

OTHER = "other"


class NumberAnswerField(forms.CharField):
    """A number typed in any width (「１，２００」), kept as a Decimal."""

    def to_python(self, value):
        value = normalize.nfkc(super().to_python(value)).replace(",", "").strip()
        if not value:
            return None
        if len(value) > 20:
            raise forms.ValidationError(_("Enter a number, e.g. 12."), code="number")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise forms.ValidationError(_("Enter a number, e.g. 12."), code="number") from None
        if not number.is_finite() or abs(number) >= Decimal("1e12"):
            raise forms.ValidationError(_("Enter a number, e.g. 12."), code="number")
        return number.quantize(Decimal("0.01"))

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal"}


def _choice_field(version, required: bool):
    options = [(str(i), label) for i, label in enumerate(version.options)]
    if version.has_other:
        options.append((OTHER, _("Other")))
    if version.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=options, required=required, widget=forms.CheckboxSelectMultiple
        )
    if version.kind == QuestionKind.SCALE:
        options = [
            (str(i), f"{label}" + {0: "（不満）", 4: "（満足）"}.get(i, ""))
            for i, label in enumerate(version.options)
        ]
    return forms.ChoiceField(choices=options, required=required, widget=forms.RadioSelect)


def field_for(version, required: bool):
    if version.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE):
        field = _choice_field(version, required)
    elif version.kind == QuestionKind.NUMBER:
        field = NumberAnswerField(required=required)
    else:
        field = forms.CharField(
            required=required, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
        )
    field.label = version.text
    return field


class AnswerForm(forms.Form):
    def __init__(self, *args, survey, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        if not survey.anonymous:
            self.fields["respondent_name"] = forms.CharField(label=_("name"), max_length=100)
        for item in items:
            self.fields[f"item_{item.pk}"] = field_for(item.version, item.required)
            if item.version.has_other:
                self.fields[f"item_{item.pk}_other"] = forms.CharField(
                    label=_("Other: please say"), required=False, max_length=2000
                )

    def _given(self, item) -> Given:
        value = self.cleaned_data.get(f"item_{item.pk}")
        other = self.cleaned_data.get(f"item_{item.pk}_other", "").strip()
        kind = item.version.kind
        if kind in (QuestionKind.NUMBER,):
            return Given(number=value)
        if kind == QuestionKind.TEXT:
            return Given(text=(value or "").strip())
        values = value if isinstance(value, list) else [value] if value else []
        chosen_other = OTHER in values
        selected = [int(v) for v in values if v != OTHER]
        return Given(selected=selected, other_text=other if chosen_other else "")

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            value = cleaned.get(f"item_{item.pk}")
            values = value if isinstance(value, list) else [value]
            if OTHER in values and not cleaned.get(f"item_{item.pk}_other", "").strip():
                self.add_error(f"item_{item.pk}_other", _("Say what the other answer is."))
        return cleaned

    def given(self) -> dict:
        return {item.pk: self._given(item) for item in self.items}
