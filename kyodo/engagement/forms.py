"""Forms of the promotion measures: typed as people type (full width, 和暦), checked politely."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kyodo.accounts.roles import Role
from kyodo.core import normalize
from kyodo.core.forms import JapaneseDateField
from kyodo.engagement.models import (
    DialogueSession,
    IssueStatus,
    PartnershipAgreement,
    StaffActivity,
    Training,
)
from kyodo.partners.models import ActivityField, Partner


class HoursField(forms.CharField):
    """Hours such as 2, 1.5, ２．５ or 「3時間」: full width folded, 0 to 24 in steps of 0.1."""

    default_error_messages = {
        "invalid": _("Enter the hours as a number, e.g. 2 or 1.5."),
        "range": _("Enter between 0 and 24 hours."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        text = normalize.nfkc(value).replace(" ", "").removesuffix("時間").removesuffix("h")
        try:
            hours = Decimal(text)
        except InvalidOperation as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not hours.is_finite() or hours < 0 or hours > 24:
            raise ValidationError(self.error_messages["range"], code="range")
        return hours.quantize(Decimal("0.1"))

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "size": "6"}


class CountField(forms.IntegerField):
    """A head count typed with full-width digits is still a number (hence a text input)."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=100_000, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        return {**attrs, "inputmode": "numeric", "size": "6"}

    def to_python(self, value):
        if isinstance(value, str):
            value = normalize.nfkc(value).strip().removesuffix("人")
        return super().to_python(value)


def partner_named(name: str) -> Partner | None:
    """The registered organisation of exactly this name (spaces and width folded), if one."""
    key = normalize.nfkc(name).strip()
    if not key:
        return None
    found = list(Partner.objects.filter(name=key)[:2])
    return found[0] if len(found) == 1 else None


class ActivityForm(forms.ModelForm):
    date = JapaneseDateField(label=pgettext_lazy("day", "date"))
    hours = HoursField(label=_("hours"))
    organisation = forms.CharField(
        label=_("organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "Type its registered name if the organisation is in the partner registry: the "
            "activity then counts on its page as staff participation."
        ),
    )

    class Meta:
        model = StaffActivity
        fields = ("date", "kind", "field", "hours", "description", "is_published", "show_name")
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "is_published": _("Published entries appear on the portal without your name…"),
            "show_name": _("…unless you tick this too."),
        }

    field_order = ("date", "kind", "field", "hours", "organisation", "description")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = ActivityField.objects.all()
        if not self.instance._state.adding:
            self.initial.setdefault("organisation", self.instance.organisation)

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        typed = self.cleaned_data["organisation"].strip()
        data["partner"] = partner_named(typed)
        data["organisation_name"] = "" if data["partner"] else typed
        return data


class DialogueForm(forms.ModelForm):
    date = JapaneseDateField(label=pgettext_lazy("day", "date"))
    citizens_count = CountField(label=_("citizens taking part"))
    groups_count = CountField(label=_("people from groups taking part"))
    staff_count = CountField(label=_("staff taking part"))
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = DialogueSession
        fields = (
            "kind",
            "title",
            "date",
            "place",
            "topics",
            "citizens_count",
            "groups_count",
            "staff_count",
            "internal_note",
        )
        widgets = {
            "topics": forms.Textarea(attrs={"rows": 4}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "citizens_count": _("Count people; never write their names here."),
        }


class IssueForm(forms.Form):
    text = forms.CharField(
        label=_("local issue raised"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class IssueStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("status"),
        choices=[(v, label) for v, label in IssueStatus.choices if v != IssueStatus.PROJECT],
    )
    reason = forms.CharField(
        label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IssueProjectForm(forms.Form):
    title = forms.CharField(label=_("title of the draft project"), max_length=200)


class TrainingForm(forms.ModelForm):
    date = JapaneseDateField(label=pgettext_lazy("day", "date"))
    lecturer_organisation = forms.CharField(
        label=_("lecturing organisation (registered name)"), max_length=200, required=False
    )

    class Meta:
        model = Training
        fields = (
            "kind",
            "title",
            "date",
            "place",
            "description",
            "lecturer_kind",
            "lecturer_name",
            "lecturer_name_public",
        )
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    field_order = (*Meta.fields[:7], "lecturer_organisation", "lecturer_name_public")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.lecturer_partner_id:
            self.initial.setdefault("lecturer_organisation", self.instance.lecturer_partner.name)

    def clean_lecturer_organisation(self):
        typed = self.cleaned_data["lecturer_organisation"].strip()
        if self.cleaned_data.get("lecturer_kind") != "partner":
            return None
        partner = partner_named(typed)
        if partner is None:
            raise ValidationError(
                _("No organisation of this name is in the partner registry; check its name.")
            )
        return partner

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["lecturer_partner"] = self.cleaned_data.get("lecturer_organisation")
        return data


class AttendanceForm(forms.Form):
    attendees = forms.ModelMultipleChoiceField(
        label=_("staff who attended"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = candidates


def attendance_candidates(training):
    """Active staff in a department who are not yet recorded for the training."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.STAFF.value, department__isnull=False)
        .exclude(training_attendance__training=training)
        .select_related("department")
        .order_by("department__sort_order", "display_name_kana", "username")
    )


SCALE = [(n, str(n)) for n in range(1, 6)]


class FeedbackForm(forms.Form):
    understanding = forms.TypedChoiceField(
        label=_("How well did you understand it? (1 = not at all, 5 = fully)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=_("How useful is it for your work? (1 = not at all, 5 = very)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("comment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AgreementForm(forms.ModelForm):
    partner_name = forms.CharField(label=_("partner (registered name)"), max_length=200)
    signed_on = JapaneseDateField(label=_("signed on"))
    starts_on = JapaneseDateField(label=_("in force from"))
    ends_on = JapaneseDateField(label=_("in force until"), required=False)
    fields_of_activity = forms.ModelMultipleChoiceField(
        label=_("fields"),
        queryset=ActivityField.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    document = forms.FileField(label=_("agreement document (PDF or Word)"), required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PartnershipAgreement
        fields = ("title", "purpose", "signed_on", "starts_on", "ends_on", "auto_renew", "status")
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}

    field_order = ("partner_name", "title", "purpose", "fields_of_activity")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.initial.setdefault("partner_name", self.instance.partner.name)
            self.initial.setdefault("fields_of_activity", list(self.instance.fields.all()))

    def clean_partner_name(self):
        partner = partner_named(self.cleaned_data["partner_name"])
        if partner is None:
            raise ValidationError(
                _("No organisation of this name is in the partner registry; check its name.")
            )
        return partner

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The agreement cannot end before it starts."))
        return cleaned

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["partner"] = self.cleaned_data["partner_name"]
        data["fields_of_activity"] = self.cleaned_data["fields_of_activity"]
        data["document"] = self.cleaned_data.get("document")
        return data


class AgreementActivityForm(forms.Form):
    date = JapaneseDateField(label=pgettext_lazy("day", "date"))
    title = forms.CharField(label=_("what was done"), max_length=200)
