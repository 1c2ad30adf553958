"""Forms of the project workspace; the services validate again, the forms say it first."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kyodo.accounts.models import Department
from kyodo.core.forms import ShortModelChoiceField, YenField
from kyodo.core.normalize import nfkc
from kyodo.core.wareki import fiscal_year, fiscal_year_label
from kyodo.guideline.models import CollaborationForm
from kyodo.partners.models import Partner
from kyodo.projects.models import (
    Answer,
    CheckpointState,
    Decision,
    PlanArea,
    ProjectStatus,
)
from kyodo.projects.suitability import AGAINST, verdict


def fiscal_year_choices() -> list[tuple]:
    """令和8年度 … as choices, newest first: ten years ahead, back to 平成元年度 (1989), the
    range the field always accepted, so that no stored year drops out of an edited form."""
    current = fiscal_year(timezone.localdate())
    years = range(current + 10, 1988, -1)
    return [("", "—"), *((year, fiscal_year_label(year)) for year in years)]


class FiscalYearField(forms.TypedChoiceField):
    """A 年度 chosen by its label (令和8年度), stored as the Western year it starts in."""

    def __init__(self, **kwargs):
        kwargs.pop("min_value", None), kwargs.pop("max_value", None)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "")
        super().__init__(coerce=int, empty_value=None, choices=fiscal_year_choices, **kwargs)

    def to_python(self, value):
        # Full-width digits from a hand-written query string are the same year.
        return super().to_python(nfkc(value) if isinstance(value, str) else value)


class ProjectForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("project", "Title"), max_length=200)
    local_issue = forms.CharField(
        label=_("Local issue"),
        widget=forms.Textarea,
        help_text=_("What problem in the community does the project address? (地域課題)"),
    )
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea, required=False)
    public_benefit = forms.CharField(
        label=_("Public benefit"), widget=forms.Textarea, required=False
    )
    beneficiaries = forms.CharField(
        label=_("Target beneficiaries"), widget=forms.Textarea, required=False
    )
    department = forms.ModelChoiceField(
        label=_("Department in charge"), queryset=Department.objects.filter(is_active=True)
    )
    plan_area = forms.ModelChoiceField(
        label=_("Comprehensive-plan area"), queryset=PlanArea.objects.all(), required=False
    )
    fiscal_year_from = FiscalYearField(label=_("First fiscal year"))
    fiscal_year_to = FiscalYearField(label=_("Last fiscal year"))
    budget = YenField(label=_("Budget (yen)"), required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, can_change_department=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_change_department:
            del self.fields["department"]

    def clean(self):
        data = super().clean()
        first, last = data.get("fiscal_year_from"), data.get("fiscal_year_to")
        if first and last and last < first:
            self.add_error("fiscal_year_to", _("The last fiscal year cannot be before the first."))
        return data


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "Status"),
        choices=[("", _("All")), *ProjectStatus.choices],
        required=False,
    )
    form = forms.ChoiceField(
        label=_("Form"), choices=[("", _("All")), *CollaborationForm.choices], required=False
    )
    department = ShortModelChoiceField(
        label=_("Department in charge"), queryset=Department.objects.all(), required=False
    )
    fiscal_year = FiscalYearField(label=_("Fiscal year"), help_text="")
    # Words of a partner's name, not a <select> of every partner (20,000 at a large city).
    partner_name = forms.CharField(
        label=_("Partner"),
        required=False,
        help_text=_("Part of the name or reading of a participating partner."),
    )
    # One partner by its id, set by links such as a partner's page; kept as the list pages.
    partner = forms.UUIDField(widget=forms.HiddenInput, required=False)


def _suitability_help(question) -> str:
    """The question's help, and for one asked the other way round, which answer speaks for."""
    if question.favours != Answer.NO:
        return question.help_text
    reversed_note = _("Answering “yes” to this question speaks against collaboration.")
    return f"{reversed_note} {question.help_text}".strip()


class SuitabilityForm(forms.Form):
    """One yes/no/unclear answer and a note per question, the strengths, the decision."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea,
        required=False,
        help_text=_(
            "Required when the project is not to be done by collaboration (the guideline asks "
            "us to say no honestly, with the reason), and when it is to be done by "
            "collaboration although the answers do not all speak for it."
        ),
    )

    def __init__(self, *args, questions, strengths, check=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        answers = {a.question_id: a for a in check.answers.all()} if check else {}
        for question in self.questions:
            given = answers.get(question.pk)
            self.fields[f"answer_{question.pk}"] = forms.ChoiceField(
                label=question.text,
                choices=Answer.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=given.answer if given else None,
                help_text=_suitability_help(question),
            )
            self.fields[f"note_{question.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                initial=given.note if given else "",
                widget=forms.TextInput,
            )
        self.fields["strengths"] = forms.MultipleChoiceField(
            label=_("Strengths the partner brings"),
            choices=[(str(q.pk), q.text) for q in strengths],
            widget=forms.CheckboxSelectMultiple,
            required=False,
            initial=[str(q.pk) for q in check.strengths.all()] if check else [],
        )
        rest = [name for name in self.fields if name not in ("decision", "reason")]
        self.order_fields([*rest, "decision", "reason"])
        if check:
            self.fields["decision"].initial = check.decision
            self.fields["reason"].initial = check.reason
            # A check whose answers speak against collaboration proposes the honest no (§4).
            weighed = verdict(self.questions, {a.question_id: a.answer for a in answers.values()})
            if check.decision == Decision.PENDING and weighed.leaning == AGAINST:
                self.fields["decision"].initial = Decision.DECLINE

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.DECLINE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the project is not to be done by collaboration."))
        if data.get("decision") == Decision.PROCEED:
            for question in self.questions:
                if not data.get(f"answer_{question.pk}"):
                    self.add_error(
                        f"answer_{question.pk}", _("Answer this question before proceeding.")
                    )
        return data

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            q.pk: (data[f"answer_{q.pk}"], data.get(f"note_{q.pk}", ""))
            for q in self.questions
            if data.get(f"answer_{q.pk}")
        }


class FormChoiceForm(forms.Form):
    form = forms.ChoiceField(
        label=_("Form of collaboration"),
        choices=CollaborationForm.choices,
        widget=forms.RadioSelect,
    )


class CheckpointsForm(forms.Form):
    """Every checkpoint of the chosen form in one form: confirmed, or not applicable with why."""

    def __init__(self, *args, questions, confirmations, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            given = confirmations.get(question.pk)
            self.fields[f"state_{question.pk}"] = forms.ChoiceField(
                label=f"{number}. {question.text}",
                choices=CheckpointState.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=given.state if given else None,
            )
            self.fields[f"reason_{question.pk}"] = forms.CharField(
                label=_("Reason, if not applicable"),
                required=False,
                initial=given.reason if given else "",
                widget=forms.TextInput,
            )

    def clean(self):
        data = super().clean()
        for question in self.questions:
            state, reason = data.get(f"state_{question.pk}"), data.get(f"reason_{question.pk}")
            if state == CheckpointState.NOT_APPLICABLE and not (reason or "").strip():
                self.add_error(
                    f"reason_{question.pk}", _("Say why this checkpoint does not apply.")
                )
        return data

    def states(self) -> dict:
        """{question: (state, reason)} for the checkpoints given a state."""
        data = self.cleaned_data
        return {
            q: (data[f"state_{q.pk}"], data.get(f"reason_{q.pk}", ""))
            for q in self.questions
            if data.get(f"state_{q.pk}")
        }


class ParticipationForm(forms.Form):
    # Chosen among the few partners a name search found, never from a <select> of every partner.
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.all(), widget=forms.HiddenInput
    )
    role = forms.CharField(label=_("Role in the project"), max_length=200, required=False)


class PartnerLookupForm(forms.Form):
    partner_q = forms.CharField(
        label=_("Name or reading of the partner"),
        max_length=100,
        required=False,
        help_text=_(
            "Part of the name or of its reading in hiragana; the first matches are shown to "
            "choose from."
        ),
    )


class DateInput(forms.DateInput):
    input_type = "date"


class ConsultationForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput)
    city_attendees = forms.CharField(label=_("Attendees from the city"), widget=forms.Textarea)
    partner_attendees = forms.CharField(
        label=_("Attendees from the partner side"), widget=forms.Textarea
    )
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)
    points = forms.CharField(
        label=_("Agreed points"),
        widget=forms.Textarea,
        required=False,
        help_text=_(
            "One per line, e.g. what a word means, a deadline or a rule. Each counts as agreed "
            "only when both the city and the partner have confirmed it."
        ),
    )

    def point_lines(self) -> list[str]:
        return [line for line in self.cleaned_data["points"].splitlines() if line.strip()]
