"""Forms of the cycle pages; the services validate again, the forms say it first."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kyodo.core.forms import YenField
from kyodo.core.normalize import nfkc
from kyodo.cycles.models import EvaluationDecision, IncidentStatus, Rating
from kyodo.projects.forms import DateInput
from kyodo.projects.models import CostBearer


class _NumberText(forms.CharField):
    """A number typed as text, so that full-width digits, commas and units can be folded.

    The length limit is checked on the text as typed: Django's own length validator would run
    on the converted number and fail.
    """

    max_chars = 20

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return self.empty_number
        if len(value) > self.max_chars:
            raise ValidationError(_("Enter a shorter number."), code="max_length")
        text = nfkc(value).replace(",", "").strip()
        for suffix in self.suffixes:
            text = text.removesuffix(suffix).strip()
        if text.startswith(("-", "−")):
            raise ValidationError(self.negative_message, code="negative")
        return self.convert(text)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "inputmode": self.inputmode,
            "maxlength": str(self.max_chars),
        }


class CountField(_NumberText):
    """A whole number of people, 0 or more; full-width digits are accepted."""

    empty_number = 0
    suffixes = ("人",)
    inputmode = "numeric"
    negative_message = _("Enter a number of people of 0 or more.")

    def __init__(self, **kwargs):
        kwargs.setdefault("initial", 0)
        super().__init__(**kwargs)

    def convert(self, text):
        if not re.fullmatch(r"\d{1,9}", text):
            raise ValidationError(_("Enter a whole number (digits only)."), code="invalid")
        return int(text)


class QuantityField(_NumberText):
    """A target or actual value, e.g. 120 or 85.5; full-width digits and commas accepted."""

    empty_number = None
    suffixes = ()
    inputmode = "decimal"
    negative_message = _("Enter 0 or more.")

    def convert(self, text):
        if not re.fullmatch(r"\d{1,12}(\.\d{1,2})?", text):
            raise ValidationError(
                _("Enter a number, e.g. 120 or 85.5 (up to two decimals)."), code="invalid"
            )
        return Decimal(text)


class PeriodForm(forms.Form):
    period_start = forms.DateField(label=_("Start of the period"), widget=DateInput)
    period_end = forms.DateField(
        label=_("End of the period"),
        widget=DateInput,
        help_text=_("Both sides' verification is due on this day."),
    )
    goals = forms.CharField(label=_("Goals"), widget=forms.Textarea, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end of the period cannot be before its start."))
        return data


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    unit = forms.CharField(
        label=_("Unit"), max_length=30, required=False, help_text=_("e.g. 人, 回, kg")
    )
    target = QuantityField(label=_("Target"))


class ScheduleForm(forms.Form):
    planned_on = forms.DateField(label=_("Planned date"), widget=DateInput)
    activity = forms.CharField(label=_("Activity"), max_length=300)


class BudgetLineForm(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=200)
    bearer = forms.ChoiceField(
        label=_("Borne by"), choices=CostBearer.choices, widget=forms.RadioSelect
    )
    planned = YenField(label=_("Planned (yen)"))


class ActualsForm(forms.Form):
    """One field per indicator (actual value) and per budget line (actual yen)."""

    def __init__(self, *args, indicators, budget_lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators, self.budget_lines = list(indicators), list(budget_lines)
        for indicator in self.indicators:
            unit = f"（{indicator.unit}）" if indicator.unit else ""
            self.fields[f"actual_{indicator.pk}"] = QuantityField(
                label=f"{indicator.name}{unit}",
                required=False,
                initial=indicator.actual,
                help_text=_("Target: %(target)s") % {"target": indicator.target.normalize()},
            )
        for line in self.budget_lines:
            self.fields[f"budget_{line.pk}"] = YenField(
                label=_("%(item)s (actual, yen)") % {"item": line.item},
                required=False,
                initial=line.actual,
                help_text=_("Planned: %(planned)s yen") % {"planned": f"{line.planned:,}"},
            )

    def values(self) -> tuple[dict, dict]:
        data = self.cleaned_data
        return (
            {i.pk: data.get(f"actual_{i.pk}") for i in self.indicators},
            {b.pk: data.get(f"budget_{b.pk}") for b in self.budget_lines},
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ActivityRecordForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the activity"), widget=DateInput)
    description = forms.CharField(label=_("What was done"), widget=forms.Textarea)
    participants = CountField(label=_("Participants"), required=False)
    volunteers = CountField(label=_("Volunteers"), required=False)
    files = MultipleFileField(
        label=_("Photos or documents"),
        help_text=_("JPEG, PNG, PDF, Word or Excel; up to 5 MB each."),
    )

    def clean_files(self):
        from kyodo.cycles.services import check_evidence

        files = self.cleaned_data.get("files") or []
        for upload in files:
            try:
                check_evidence(upload)
            except ValidationError as error:  # the service's check names the field itself
                raise ValidationError(error.error_dict["files"]) from error
        return files


class VerificationForm(forms.Form):
    """A rating on the 4-step scale and a comment per question, grouped by area."""

    def __init__(self, *args, questions, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        answers = answers or {}
        for question in self.questions:
            given = answers.get(question.pk)
            self.fields[f"rating_{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=Rating.choices,
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
                initial=given.rating if given else None,
                help_text=question.help_text,
            )
            self.fields[f"comment_{question.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                initial=given.comment if given else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def groups(self) -> list[tuple[str, list]]:
        groups: dict[str, list] = {}
        for question in self.questions:
            groups.setdefault(question.group, []).append(
                (self[f"rating_{question.pk}"], self[f"comment_{question.pk}"])
            )
        return list(groups.items())

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            q.pk: (data[f"rating_{q.pk}"], data.get(f"comment_{q.pk}", ""))
            for q in self.questions
            if data.get(f"rating_{q.pk}") not in (None, "")
        }


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The submitted verification stays on record; the correction is kept beside it."
        ),
    )


class EvaluationForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Date of the review meeting"), widget=DateInput)
    attendees = forms.CharField(
        label=_("Who took part"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("From the city and from the partner side."),
    )
    worked_well = forms.CharField(label=_("What worked"), widget=forms.Textarea)
    to_improve = forms.CharField(label=_("What to improve"), widget=forms.Textarea, required=False)
    decision = forms.ChoiceField(
        label=_("Decision on the next cycle"),
        choices=EvaluationDecision.choices,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == EvaluationDecision.CHANGE and not data.get("to_improve"):
            self.add_error("to_improve", _("Say what is to change in the next cycle."))
        return data


class IncidentForm(forms.Form):
    occurred_on = forms.DateField(label=_("When it happened"), widget=DateInput)
    what_happened = forms.CharField(label=_("What happened"), widget=forms.Textarea)
    impact = forms.CharField(label=_("Impact"), widget=forms.Textarea, required=False)
    cause = forms.CharField(
        label=_("Cause found"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What in the way we worked let it happen? Not who is to blame."),
    )
    countermeasure = forms.CharField(
        label=_("Countermeasure"), widget=forms.Textarea, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=IncidentStatus.choices,
        widget=forms.RadioSelect,
        initial=IncidentStatus.OPEN,
    )

    def clean(self):
        data = super().clean()
        if data.get("status") not in (None, IncidentStatus.OPEN) and not data.get("countermeasure"):
            self.add_error(
                "countermeasure",
                _("Record the countermeasure before marking the trouble as addressed or closed."),
            )
        return data


class IncidentEditForm(IncidentForm):
    """The edit of a trouble record carries the version it was opened at (no lost update)."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
