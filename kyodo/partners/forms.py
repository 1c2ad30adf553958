from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.core.forms import (
    EmailAddressField,
    FuriganaField,
    PhoneNumberField,
    PostalCodeField,
    ShortModelChoiceField,
)
from kyodo.partners.import_check import MODE_NEW, MODE_UPDATE
from kyodo.partners.models import ActivityField, AttachmentKind, Partner, PartnerType
from kyodo.partners.selectors import accounts_named_by_id, duplicate_partners, users_with_email
from kyodo.partners.services.profiles import EDITABLE_FIELDS

_AFTER_COUNT = EDITABLE_FIELDS.index("member_count") + 1


class PartnerForm(forms.ModelForm):
    name_kana = FuriganaField(
        label=_("organisation name (katakana)"),
        max_length=200,
        required=False,
        help_text=_("Hiragana is converted to katakana."),
    )
    postal_code = PostalCodeField(label=_("postal code"), required=False)
    # The version the form was opened at: a save based on an older one is refused.
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    contact_phone = PhoneNumberField(label=_("contact phone"), required=False)
    founded_on = forms.DateField(
        label=_("founded on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("e.g. 2015-04-01"),
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("fields of activity"),
        queryset=ActivityField.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=_("website"), required=False, assume_scheme="https", max_length=200
    )
    # Hidden until a possible duplicate is found; then shown as a checkbox to confirm.
    confirm_duplicate = forms.BooleanField(
        label=_("Save anyway: this is a different organisation"),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Partner
        # The service's list, with the fields of activity (many-to-many) after the member count.
        fields = [*EDITABLE_FIELDS[:_AFTER_COUNT], "fields", *EDITABLE_FIELDS[_AFTER_COUNT:]]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in (
                "activity",
                "track_record",
                "capacity",
                "planning",
                "organisation",
                "similar_work",
                "qualifications",
                "trainings",
                "instructors",
                "officers",
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_type"].queryset = PartnerType.objects.all()
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        if self.instance.pk:
            self.fields["lock_version"].initial = self.instance.lock_version
        self.duplicates = []

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name:
            self.duplicates = duplicate_partners(
                name, cleaned.get("representative") or "", exclude=self.instance
            )
        if self.duplicates and not cleaned.get("confirm_duplicate"):
            self.fields["confirm_duplicate"].widget = forms.CheckboxInput()
            self.add_error(
                "confirm_duplicate",
                _(
                    "A partner with the same name and representative is already registered. "
                    "Check that this is a different organisation, then tick this box."
                ),
            )
        return cleaned

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("fields", None)
        data.pop("confirm_duplicate", None)
        data.pop("lock_version", None)
        return data


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Keywords"), required=False, max_length=200)
    partner_type = ShortModelChoiceField(
        label=_("type"), queryset=PartnerType.objects.all(), required=False
    )
    field = ShortModelChoiceField(
        label=_("field of activity"), queryset=ActivityField.objects.all(), required=False
    )
    area = forms.CharField(label=_("area"), required=False, max_length=100)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of document"), choices=AttachmentKind.choices)
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("file"),
        help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument; checked by its content."),
    )


class MatchForm(forms.Form):
    query = forms.CharField(
        label=_("Local issue"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Describe the issue in your own words, e.g. 高齢者の見守りと冬の除雪."),
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("fields of activity"),
        queryset=ActivityField.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Partner list"),
        help_text=_(
            "An Excel (.xlsx) or CSV file (UTF-8 or Shift_JIS) whose first row holds the "
            "column headings of the export."
        ),
    )
    mode = forms.ChoiceField(
        label=_("What the rows do"),
        choices=[
            (MODE_NEW, _("Register every row as a new partner")),
            (
                MODE_UPDATE,
                _(
                    "Update registered partners (found by the ID column of an export, else by "
                    "name and furigana); register the other rows as new"
                ),
            ),
        ],
        initial=MODE_NEW,
        widget=forms.RadioSelect,
        # Not marked ※必須: a missing choice means the first, as the radio buttons show.
        required=False,
    )

    def clean_mode(self):
        return self.cleaned_data["mode"] or MODE_NEW


class TaxonomyItemForm(forms.Form):
    name = forms.CharField(label=_("item name"), max_length=50)
    sort_order = forms.IntegerField(label=_("order"), min_value=0, initial=100)


class MemberAddForm(forms.Form):
    """Add an existing account to an organisation: by its e-mail address, or the account
    chosen among those a search by name found (`account`)."""

    email = EmailAddressField(
        label=_("E-mail address of the account"),
        max_length=254,
        required=False,
        help_text=_("Full-width letters and spaces are corrected for you."),
    )
    account = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, partner: Partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = partner
        self.user = None

    def clean(self):
        data = super().clean()
        if data.get("account"):
            self._choose(data["account"])
        elif not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                _("Enter the e-mail address of the account, or find the account by name."),
            )
        return data

    def _choose(self, account_id) -> None:
        found = [a for a in accounts_named_by_id(account_id) if a.department_id is None]
        if not found:
            raise forms.ValidationError(_("Choose an account from the search results."))
        if self.partner.memberships.filter(user=found[0]).exists():
            raise forms.ValidationError(
                _("%(name)s is already a member of this organisation."),
                code="already_member",
                params={"name": found[0]},
            )
        self.user = found[0]

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not email:
            return email
        users = list(users_with_email(email)[:2])
        if not users:
            raise forms.ValidationError(
                _("No account uses this e-mail address. To create one, invite a new member."),
                code="unknown_email",
            )
        if len(users) > 1:
            raise forms.ValidationError(
                _(
                    "Several accounts use this e-mail address. Ask the system administrator "
                    "to tidy them up."
                ),
                code="ambiguous_email",
            )
        if self.partner.memberships.filter(user=users[0]).exists():
            raise forms.ValidationError(
                _("%(name)s is already a member of this organisation."),
                code="already_member",
                params={"name": users[0]},
            )
        self.user = users[0]
        return email


class MemberInviteForm(forms.Form):
    """Create a partner-member account; its owner chooses a password from an e-mailed link."""

    display_name = forms.CharField(label=_("Full name"), max_length=100)
    display_name_kana = FuriganaField(
        label=_("Full name (katakana)"),
        max_length=100,
        required=False,
        help_text=_("Hiragana is converted to katakana."),
    )
    email = EmailAddressField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The link to choose a password is sent to this address."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if users_with_email(email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail address already exists: add that account."),
                code="email_taken",
            )
        return email
