from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.calls.models import Call, CriterionKind, DisclosureStatus, Grant
from kyodo.calls.selectors import projects_open_for_calls
from kyodo.calls.services import CALL_FIELDS, CriterionInput
from kyodo.core import normalize
from kyodo.core.forms import YenField
from kyodo.partners.models import Partner

# The amounts of calls and grants are PositiveIntegerField columns: PostgreSQL's integer holds
# up to this, and the form says so rather than the database refusing a larger figure.
MAX_AMOUNT = 2_147_483_647


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


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CallForm(forms.ModelForm):
    budget_ceiling = YenField(label=_("budget ceiling (yen)"), required=False, max_value=MAX_AMOUNT)
    # The version the form was opened at: a save based on an older one is refused.
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Call
        fields = ("project", *CALL_FIELDS)
        widgets = {
            "deadline": DateTimeLocalInput(),
            "publication_date": DateInput(),
            "announcement_date": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "documents_required": forms.Textarea(attrs={"rows": 3}),
            "contact": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "deadline": _("Date and time in Japan time; applications are refused after it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        # A UUID key is set before saving, so "new" is told by _state, not by pk.
        if not self.instance._state.adding:
            del self.fields["project"]
            self.fields["lock_version"].initial = self.instance.lock_version
            if self.instance.criteria_locked:
                self.fields["selection_method"].disabled = True
                self.fields["selection_method"].help_text = _("Fixed once the call is open.")
        else:
            self.fields["project"].queryset = projects_open_for_calls()
            self.fields["project"].help_text = _(
                "Only projects that are forming their partnership can have a call."
            )


class CriterionForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=CriterionKind.choices)
    name = forms.CharField(label=_("criterion"), max_length=200)
    description = forms.CharField(
        label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    weight = FoldedIntegerField(label=_("weight (points out of 100)"), min_value=0, max_value=100)
    max_score = FoldedIntegerField(label=_("scale (highest score)"), min_value=2, max_value=100)


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        kept = [f for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        if not kept:
            raise ValidationError(_("Give at least one selection criterion."))
        total = sum(f.cleaned_data["weight"] for f in kept)
        if total != 100:
            raise ValidationError(
                _("The weights of the criteria must add up to 100 (now %(total)s).")
                % {"total": total}
            )

    def criteria(self) -> list[CriterionInput]:
        return [
            CriterionInput(
                name=f.cleaned_data["name"],
                weight=f.cleaned_data["weight"],
                max_score=f.cleaned_data["max_score"],
                kind=f.cleaned_data["kind"],
                description=f.cleaned_data["description"],
            )
            for f in self.forms
            if f.cleaned_data and not self._should_delete_form(f)
        ]


CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=BaseCriterionFormSet, extra=1, can_delete=True
)


class ApplicationForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("applicant organisation"), queryset=Partner.objects.none(), empty_label=None
    )
    proposal = forms.CharField(
        label=_("proposal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you propose to do, and why your organisation suits it."),
    )
    plan = forms.CharField(
        label=_("plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Schedule, people and steps."),
    )
    budget_amount = YenField(label=_("budget (yen)"), required=False, max_value=MAX_AMOUNT)
    budget_notes = forms.CharField(
        label=_("budget breakdown"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachment = forms.FileField(
        label=_("add an attachment"),
        required=False,
        help_text=_("PDF, Word (.docx), Excel (.xlsx), JPEG or PNG, up to 10 MB."),
    )
    # The version of the draft the form was opened at: a save based on an older one (another
    # window, another member) is refused rather than overwriting it.
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations=None, fixed_partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_partner is not None:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = organisations

    def answers(self, application, attachments) -> list[dict]:
        """Every answer of the saved `application` as {label, text, files}, in the form's order
        and with its labels, for the confirmation page: amounts in yen, files by name."""
        values = {name: getattr(application, name, None) for name in self.fields}
        values["partner"] = application.partner.name
        if application.budget_amount is not None:
            values["budget_amount"] = _("%(amount)s yen") % {
                "amount": f"{application.budget_amount:,}"
            }
        answers = []
        for name, field in self.fields.items():
            if name == "lock_version":
                continue
            if name == "attachment":
                files = [a.original_name for a in attachments]
                answers.append({"label": _("attachments"), "text": "", "files": files})
            else:
                answers.append({"label": field.label, "text": values[name] or "", "files": []})
        return answers


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this applicant?"),
        choices=[("no", _("No conflict")), ("yes", _("I have a conflict"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=_(
            "For example: you are a member or officer of the organisation, a relative of one, "
            "or you helped write the application."
        ),
    )
    note = forms.CharField(
        label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ScoreForm(forms.Form):
    """One score and one comment per criterion; the scale is each criterion's own."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_scores = initial_scores or {}
        for criterion in self.criteria:
            score = initial_scores.get(criterion.pk)
            scale = {"name": criterion.name, "max": criterion.max_score}
            out_of_scale = _("Enter a score from 1 to %(max)s.") % scale
            self.fields[f"score_{criterion.pk}"] = FoldedIntegerField(
                label=_("%(name)s (1–%(max)s)") % scale,
                min_value=1,
                max_value=criterion.max_score,
                initial=score.value if score else None,
                help_text=criterion.description,
                error_messages={
                    "min_value": out_of_scale,
                    "max_value": out_of_scale,
                },
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(name)s”") % {"name": criterion.name},
                required=False,
                initial=score.comment if score else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def values(self) -> dict:
        return {c.pk: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}

    def comments(self) -> dict:
        return {c.pk: self.cleaned_data[f"comment_{c.pk}"] for c in self.criteria}


class AssignEvaluatorForm(forms.Form):
    evaluator = forms.ModelChoiceField(label=_("evaluator"), queryset=User.objects.none())

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = (
            User.objects.filter(groups__name=Role.EVALUATOR, is_active=True)
            .exclude(call_assignments__call=call)
            .order_by("display_name_kana", "username")
        )


class DecisionForm(forms.Form):
    selected = forms.ModelMultipleChoiceField(
        label=_("selected application(s)"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("reason for the selection"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published with the result."),
    )

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].queryset = applications
        self.fields["selected"].label_from_instance = lambda a: (
            f"{a.receipt_number} {a.partner.name}"
        )


class ReceiptLookupForm(forms.Form):
    number = forms.CharField(
        label=_("receipt number"), max_length=40, help_text=_("e.g. K2026-00001")
    )


class GrantForm(forms.ModelForm):
    amount = YenField(label=_("amount (yen)"), max_value=MAX_AMOUNT)

    class Meta:
        model = Grant
        fields = (
            "partner",
            "project",
            "purpose",
            "amount",
            "term_start",
            "term_end",
            "disclosure_status",
        )
        widgets = {"term_start": DateInput(), "term_end": DateInput()}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The term must end on or after its start."))
        return cleaned


class GrantReviewForm(forms.Form):
    notes = forms.CharField(
        label=_("review"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was achieved, and how the organisation can become more independent."),
    )


class DisclosureForm(forms.Form):
    disclosure_status = forms.ChoiceField(label=_("disclosure"), choices=DisclosureStatus.choices)
