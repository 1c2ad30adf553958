"""The councils forms. They parse and fold what was typed; the services check the rest (term
order, seats, dates of the council's existence) and their refusals reach the form through
`kyodo.core.forms.apply_service_error`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.models import Department
from kyodo.core.forms import EmailAddressField, FuriganaField, PhoneNumberField
from kyodo.core.named_choice import NamedChoiceField
from kyodo.councils.fields import FoldedDateTimeField, FoldedIntegerField, JapaneseDateField
from kyodo.councils.models import (
    COUNCIL_FIELDS,
    AttendanceStatus,
    Category,
    Council,
    FollowUp,
    Gender,
    Meeting,
    OutcomeKind,
    Position,
    Term,
)
from kyodo.councils.person_field import PersonChoiceField
from kyodo.councils.services import MEETING_FIELDS
from kyodo.guideline.models import CollaborationForm
from kyodo.partners.models import Partner
from kyodo.projects.models import Project


class CouncilForm(forms.ModelForm):
    name_kana = FuriganaField(label=_("council name (katakana)"), required=False, max_length=200)
    seats = FoldedIntegerField(label=_("seats (定数)"), min_value=1, max_value=1000)
    term_years = FoldedIntegerField(
        label=_("term of office (years)"), min_value=1, max_value=10, initial=2
    )
    meetings_per_year = FoldedIntegerField(
        label=_("meetings per fiscal year (rule)"), min_value=0, max_value=100, initial=1
    )
    established_on = JapaneseDateField(label=_("established on"))
    abolished_on = JapaneseDateField(label=_("abolished on"), required=False)

    class Meta:
        model = Council
        fields = COUNCIL_FIELDS

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(is_active=True)
        if user is not None and not user.has_perm("councils.view_hollow_list"):
            # Staff keep their councils in their own department.
            self.fields["department"].queryset = Department.objects.filter(pk=user.department_id)
            self.fields["department"].initial = user.department_id
        self.fields["project"].queryset = Project.objects.filter(
            form=CollaborationForm.KYOGIKAI
        ).order_by("title")
        self.fields["project"].help_text = _(
            "A collaborative project whose form is 協議会・審議会; its workspace shows the council."
        )


class PersonFieldsMixin(forms.Form):
    name = forms.CharField(label=_("name"), max_length=100, required=False)
    name_kana = FuriganaField(label=_("name (katakana)"), max_length=100, required=False)
    gender = forms.TypedChoiceField(
        label=_("gender"), choices=Gender.choices, coerce=int, initial=Gender.NOT_KNOWN
    )
    phone = PhoneNumberField(label=_("phone"), required=False)
    email = EmailAddressField(label=_("email"), required=False)
    address = forms.CharField(label=_("address"), max_length=200, required=False)


def _recommending_first(partners):
    # Before anything is typed: the organisations that already recommend a council member.
    return partners.filter(pk__in=Term.objects.values("partner_id"))


def partner_name_field(**kwargs) -> NamedChoiceField:
    """The recommending organisation typed by its name (a datalist suggests), not a <select>
    of every partner (20,000 at a large city); the name must be one registered organisation's."""
    return NamedChoiceField(
        queryset=Partner.objects.order_by("name_kana", "name"),
        name_field="name",
        kana_field="name_kana",
        first=_recommending_first,
        required=False,
        messages={
            "unknown": _(
                "No registered organisation is named “%(name)s”: choose one of the suggestions."
            ),
            "ambiguous": _(
                "Several organisations are named “%(name)s”: tell them apart in the "
                "partner register first."
            ),
        },
        **kwargs,
    )


class TermFieldsMixin(forms.Form):
    category = forms.ChoiceField(label=_("category"), choices=Category.choices)
    partner = partner_name_field(
        label=_("recommending organisation"),
        help_text=_(
            "For a member recommended by an organisation (団体推薦): its registered name; "
            "typing part of the name or reading lists the organisations that match."
        ),
    )
    position = forms.ChoiceField(label=_("position"), choices=Position.choices)
    starts_on = JapaneseDateField(label=_("term starts"))
    ends_on = JapaneseDateField(label=_("term ends"))


class MemberForm(TermFieldsMixin, PersonFieldsMixin):
    """Appoint a member: an existing person (reappointment elsewhere) or a new one."""

    person = PersonChoiceField(
        label=_("existing person"),
        required=False,
        help_text=_(
            "To appoint a registered person: type part of the name or reading and choose from "
            "the suggestions, which show the reading, the councils and a short key to tell "
            "people of one name apart. Leave empty and fill in the name to register a new "
            "person."
        ),
    )
    field_order = ["person", "name", "name_kana", "gender", "phone", "email", "address"]

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("name") or "").strip():
            self.add_error("name", _("Choose an existing person or enter the name."))
        return data


class TermForm(TermFieldsMixin):
    pass


class PersonForm(PersonFieldsMixin):
    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter the name."), code="required")
        return name


class MeetingForm(forms.ModelForm):
    starts_at = FoldedDateTimeField(label=_("starts at"))
    ends_at = FoldedDateTimeField(label=_("ends at"), required=False)
    observer_capacity = FoldedIntegerField(
        label=_("seats for observers (傍聴)"), required=False, min_value=0, max_value=10000
    )
    observers = FoldedIntegerField(
        label=_("observers (傍聴者数)"), required=False, min_value=0, max_value=10000
    )

    class Meta:
        model = Meeting
        fields = MEETING_FIELDS


class AttendanceForm(forms.Form):
    """One choice per member in office on the meeting's day."""

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not recorded")), *AttendanceStatus.choices]
        self.terms = {}
        for term, status in rows:
            name = f"term_{term.pk}"
            self.terms[name] = term
            self.fields[name] = forms.ChoiceField(
                label=term.person.name, choices=choices, required=False, initial=status
            )

    def statuses(self) -> dict:
        return {
            self.terms[name].pk: value
            for name, value in self.cleaned_data.items()
            if name in self.terms and value
        }


class MinutesForm(forms.Form):
    text = forms.CharField(label=_("minutes (会議録)"), widget=forms.Textarea, required=False)
    file = forms.FileField(label=_("minutes file"), required=False)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    file = forms.FileField(label=_("file"))


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of outcome"), choices=OutcomeKind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    text = forms.CharField(label=_("content"), widget=forms.Textarea)


class FollowUpForm(forms.ModelForm):
    due_on = JapaneseDateField(label=_("due date"), required=False)

    class Meta:
        model = FollowUp
        fields = ("action", "status", "reason", "department", "due_on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(is_active=True)
