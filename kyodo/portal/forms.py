"""Forms for publishing events and news, forgiving full-width input."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_city_side
from kyodo.core.forms import FuriganaField, PhoneNumberField
from kyodo.core.normalize import nfkc
from kyodo.portal.models import Event, News
from kyodo.portal.services import EVENT_FIELDS, NEWS_FIELDS
from kyodo.projects.fields import project_title_field
from kyodo.projects.models import Project

_THOUSANDS = re.compile(r"[,，、]")


class NfkcMixin:
    """Fold full-width digits, colons and hyphens before the field parses the value."""

    def to_python(self, value):
        if isinstance(value, str):
            value = nfkc(value).strip()
        return super().to_python(value)


class NumberField(NfkcMixin, forms.IntegerField):
    """An amount or a count: accepts １２３, 1,000, 1000円, 30人."""

    def to_python(self, value):
        if isinstance(value, str):
            value = _THOUSANDS.sub("", nfkc(value)).strip().removesuffix("円").removesuffix("人")
        return super().to_python(value)


class DateField(NfkcMixin, forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)


class TimeField(NfkcMixin, forms.TimeField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
        super().__init__(**kwargs)


class CoordinateField(NfkcMixin, forms.DecimalField):
    pass


def projects_for(user):
    """Projects the user may publish for: all for the city side, their own for partners."""
    projects = Project.objects.order_by("title")
    if is_city_side(user):
        return projects
    return projects.filter(participations__partner__memberships__user=user).distinct()


class ProjectChoiceMixin:
    def setup_project(self, user):
        # The title typed with suggestions, not a <select> of every project (20,000 at a
        # large city); only a project the person may publish for is accepted.
        model_field = self.fields["project"]
        field = project_title_field(
            projects_for(user), label=model_field.label, required=model_field.required
        )
        if not is_city_side(user):
            field.required = True
            field.help_text = _("Partner members publish for projects their organisation is in.")
        self.fields["project"] = field


class EventForm(ProjectChoiceMixin, forms.ModelForm):
    title_kana = FuriganaField(label=_("title (katakana)"), max_length=200)
    start_date = DateField(label=_("start date"))
    start_time = TimeField(
        label=_("start time"), required=False, help_text=_("Leave empty for an all-day event.")
    )
    end_date = DateField(label=_("end date"))
    end_time = TimeField(label=_("end time"), required=False)
    latitude = CoordinateField(
        label=_("latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        max_digits=9,
        decimal_places=6,
        help_text=_("Decimal degrees, e.g. 44.020632 (between -90 and 90)."),
    )
    longitude = CoordinateField(
        label=_("longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        max_digits=9,
        decimal_places=6,
        help_text=_("Decimal degrees, e.g. 144.273398 (between -180 and 180)."),
    )
    fee = NumberField(
        label=_("fee (yen)"),
        required=False,
        min_value=0,
        help_text=_("In yen; 0 for free. Leave empty if not decided."),
    )
    capacity = NumberField(label=_("capacity"), required=False, min_value=0)
    application_deadline = DateField(label=_("application deadline"), required=False)
    contact_phone = PhoneNumberField(
        label=_("contact phone (public)"),
        required=False,
        help_text=_("Published. Use an office or group number, not a private one."),
    )
    url = forms.URLField(label=_("web page"), required=False, assume_scheme="https")
    publish_on = DateField(
        label=_("publish on"),
        required=False,
        help_text=_("Shown to the public from this date. Leave empty to keep it as a draft."),
    )
    # The version the form was opened at: a save based on an older one is refused.
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        help_texts = {
            "contact_name": _(
                "Published on the portal, in the feeds and in the open data. Give the office "
                "or group the organiser chose to publish, not a private person's details."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_project(user)
        self.fields["lock_version"].initial = self.instance.lock_version

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        same_day = start and end and start == end
        start_time, end_time = data.get("start_time"), data.get("end_time")
        if same_day and start_time and end_time and end_time < start_time:
            self.add_error("end_time", _("The end time is before the start time."))
        if end_time and not start_time:
            self.add_error("start_time", _("Enter the start time as well as the end time."))
        return data

    def clean_application_deadline(self):
        deadline = self.cleaned_data.get("application_deadline")
        end = self.cleaned_data.get("end_date")
        if deadline and end and deadline > end:
            raise ValidationError(_("The application deadline is after the event ends."))
        return deadline


class NewsForm(ProjectChoiceMixin, forms.ModelForm):
    publish_on = DateField(
        label=_("publish on"),
        required=False,
        help_text=_("Shown to the public from this date. Leave empty to keep it as a draft."),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = News
        fields = NEWS_FIELDS

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_project(user)
        self.fields["lock_version"].initial = self.instance.lock_version


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for withdrawal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Kept for staff and partner members; not published."),
    )
