"""Forms of citizens' voices. Every CharField is cleaned by core (control characters, line
ends); postal codes and e-mail addresses typed in full width are folded; what the services
refuse is put back onto the form with kyodo.core.forms.apply_service_error."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.core.forms import EmailAddressField, PostalCodeField
from kyodo.councils.selectors import public_councils
from kyodo.partners.models import ActivityField
from kyodo.portal.selectors import public_events, upcoming_events
from kyodo.projects.fields import project_title_field
from kyodo.projects.models import Project
from kyodo.projects.selectors import public_projects
from kyodo.voices.models import QuestionKind, QuestionVersion, Reflection, Survey

HONEYPOT = "website"
# Projects and events listed on the opinion form (see OpinionForm.__init__).
OFFERED = 50


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class OpinionForm(forms.Form):
    subject = forms.CharField(label=_("subject"), max_length=200)
    field = forms.ModelChoiceField(
        label=_("field"),
        queryset=ActivityField.objects.order_by("sort_order", "name"),
        required=False,
    )
    project = forms.ModelChoiceField(
        label=_("related project"), queryset=Project.objects.none(), required=False
    )
    event = forms.ModelChoiceField(
        label=_("related event"), queryset=Project.objects.none(), required=False
    )
    council = forms.ModelChoiceField(
        label=_("related council"), queryset=Project.objects.none(), required=False
    )
    # The length is checked by the service, which says how long the text is and the limit.
    text = forms.CharField(label=_("your opinion"), widget=forms.Textarea(attrs={"rows": 8}))
    sender_name = forms.CharField(label=_("name"), max_length=100, required=False)
    sender_email = EmailAddressField(label=_("e-mail address"), required=False)
    sender_postal_code = PostalCodeField(label=_("postal code"), required=False)
    sender_address = forms.CharField(label=_("address"), max_length=200, required=False)
    consents_to_publication = forms.BooleanField(
        label=_("The city may publish a summary of my opinion with its reply"),
        required=False,
        initial=True,
        help_text=_("Your name, address, e-mail and your own words are never published."),
    )
    # A field people never see (nor hear: it is hidden from screen readers too); a robot that
    # fills every field gives itself away.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        template_name="voices/honeypot_field.html",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = public_projects().prefetch_related(None)
        self.fields["event"].queryset = public_events()
        self.fields["council"].queryset = public_councils().select_related(None)
        # Any public project or event is accepted, but the lists offer only the newest
        # projects and the next events: a large city has 20,000 projects and 100,000 events,
        # and a <select> of all of them made this public page 12 MB and 100 s to render.
        self._offer("project", public_projects().prefetch_related(None).order_by("-created_at"))
        self._offer("event", upcoming_events())

    def _offer(self, name: str, queryset) -> None:
        field = self.fields[name]
        offered = list(queryset[:OFFERED])
        chosen = self.data.get(name) or self.initial.get(name)
        if chosen and str(chosen) not in {str(item.pk) for item in offered}:
            offered += list(field.queryset.filter(pk=chosen)) if _is_uuid(chosen) else []
        field.widget.choices = [
            ("", field.empty_label),
            *((item.pk, field.label_from_instance(item)) for item in offered),
        ]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop(HONEYPOT, None)
        return data

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("department in charge"), queryset=Department.objects.order_by("bureau", "name")
    )


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("reply"), widget=forms.Textarea(attrs={"rows": 8}))
    reflection = forms.ChoiceField(
        label=_("reflection"), choices=Reflection.choices, widget=forms.RadioSelect
    )
    reflection_reason = forms.CharField(
        label=_("reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the opinion cannot be reflected."),
    )
    project = project_title_field(
        Project.objects.order_by("title"), label=_("project it led to"), required=False
    )
    also = forms.ModelMultipleChoiceField(
        label=_("Reply with the same text to these similar opinions"),
        queryset=Project.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, similar=None, **kwargs):
        super().__init__(*args, **kwargs)
        if similar is None:
            del self.fields["also"]
        else:
            self.fields["also"].queryset = similar
            self.fields["also"].label_from_instance = lambda o: f"{o.receipt_number} {o.subject}"

    def reply_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("body", "reflection", "reflection_reason", "project")
        }


class PublicationForm(forms.Form):
    public_title = forms.CharField(label=_("title for publication"), max_length=200)
    summary = forms.CharField(
        label=_("summary for publication"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In your own words: never the sender's name, address, e-mail or text."),
    )
    withheld_reason = forms.CharField(
        label=_("reason for not publishing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when the content must not be published."),
    )


class ApproverForm(forms.Form):
    user = forms.ModelChoiceField(label=_("approver"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(groups__name=Role.STAFF.value, department__isnull=False)
            .select_related("department")
            .order_by("department__bureau", "department__name", "username")
        )


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ("title", "description", "opens_at", "closes_at", "anonymous", "access")
        widgets = {
            "opens_at": DateTimeLocalInput(),
            "closes_at": DateTimeLocalInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "access": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class QuestionForm(forms.Form):
    code = forms.CharField(
        label=_("question code"),
        max_length=50,
        help_text=_("Keep the same code in every year's survey, e.g. satisfaction-overall."),
    )
    text = forms.CharField(label=_("question"), max_length=500)
    kind = forms.ChoiceField(label=_("kind of answer"), choices=QuestionKind.choices)
    choices = forms.CharField(
        label=_("choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line (single and multiple choice)."),
    )
    has_other = forms.BooleanField(label=_("with “other, please say”"), required=False)
    required = forms.BooleanField(label=_("answer required"), required=False, initial=True)

    def version_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "kind": data["kind"],
            "choices": data["choices"].splitlines(),
            "has_other": data["has_other"],
        }


class ReviseForm(forms.Form):
    text = forms.CharField(label=_("question"), max_length=500)
    kind = forms.ChoiceField(label=_("kind of answer"), choices=QuestionKind.choices)
    choices = forms.CharField(
        label=_("choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line (single and multiple choice)."),
    )
    has_other = forms.BooleanField(label=_("with “other, please say”"), required=False)

    def version_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "kind": data["kind"],
            "choices": data["choices"].splitlines(),
            "has_other": data["has_other"],
        }


class AddItemForm(forms.Form):
    version = forms.ModelChoiceField(label=_("question"), queryset=QuestionVersion.objects.none())
    required = forms.BooleanField(label=_("answer required"), required=False, initial=True)

    def __init__(self, *args, versions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = (
            versions if versions is not None else QuestionVersion.objects.none()
        )
        self.fields["version"].label_from_instance = lambda v: (
            f"{v.question.code} (v{v.number}) {v.text}"
        )


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=_("e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line. Each address gets a link that can be used once."),
    )

    def clean_emails(self):
        field = EmailAddressField()
        return [
            field.clean(line) for line in self.cleaned_data["emails"].splitlines() if line.strip()
        ]
