"""The forms of the agreement's side of the workspace: roles, costs and the agreement itself.

Each names the parties from `kyodo.projects.parties`: a field per partner for its part of the
roles, a bearer per party for the costs, a signatory per party on the agreement.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.core.forms import YenField
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.forms import DateInput
from kyodo.projects.models import Agreement
from kyodo.projects.services.agreement import AGREEMENT_FIELDS


class RoleLineForm(forms.Form):
    """A line of the roles table with one field per partner (乙の役割, 丙の役割 …)."""

    task = forms.CharField(label=_("Task"), max_length=200)
    city_part = forms.CharField(label=_("City's part"), required=False, widget=forms.Textarea)
    responsibility = forms.CharField(
        label=_("Responsibility"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        if parties:
            self.fields["city_part"].label = _("%(party)s's part") % {"party": parties[0].label}
        self.part_fields = {}
        for party in parties[1:]:
            name = f"part_{party.participation.pk}"
            self.fields[name] = forms.CharField(
                label=_("%(party)s's part") % {"party": party.label},
                required=False,
                widget=forms.Textarea,
            )
            self.part_fields[name] = str(party.participation.pk)
        # The responsibility column comes after the parties' parts, as in the table.
        self.order_fields(["task", "city_part", *self.part_fields, "responsibility"])

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "task": data["task"],
            "city_part": data["city_part"],
            "responsibility": data["responsibility"],
            "partner_parts": {pk: data[name] for name, pk in self.part_fields.items()},
        }


class CostLineForm(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=200)
    amount = YenField(label=_("Amount (yen)"))
    bearer = forms.ChoiceField(label=_("Borne by"), choices=(), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bearer"].choices = [(party.key, party.label) for party in parties]

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class AgreementForm(forms.ModelForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agreement
        fields = list(AGREEMENT_FIELDS)
        widgets = {
            "valid_from": DateInput,
            "valid_until": DateInput,
            "term_end": DateInput,
            "confidentiality": forms.Textarea,
            "personal_data": forms.Textarea,
            "rights": forms.Textarea,
            "trouble": forms.Textarea,
            "other_clauses": forms.Textarea,
        }

    def __init__(self, *args, project, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.signatory_fields = {}
        if parties:
            self._name_the_signatories(parties)
        if project.form == CollaborationForm.ITAKU:
            self.fields["confidentiality"].required = True
            self.fields["personal_data"].required = True
        if project.form == CollaborationForm.HOJO:
            self.fields["term_end"].required = True

    def _name_the_signatories(self, parties) -> None:
        """「甲（網走市）の記名者」, 「乙（…）の記名者」, and a field for 丙 and each one after."""
        label = _("Signatory for %(party)s")
        self.fields["city_signatory"].label = label % {"party": parties[0].label}
        if len(parties) > 1:
            self.fields["partner_signatory"].label = label % {"party": parties[1].label}
        for party in parties[2:]:
            name = f"signatory_{party.participation.pk}"
            self.fields[name] = forms.CharField(
                label=label % {"party": party.label},
                max_length=200,
                initial=party.participation.signatory or party.participation.partner.representative,
            )
            self.signatory_fields[name] = str(party.participation.pk)
        after = list(self.fields).index("partner_signatory") + 1
        names = [n for n in self.fields if n not in self.signatory_fields]
        self.order_fields(names[:after] + list(self.signatory_fields) + names[after:])

    def other_signatories(self) -> dict:
        return {pk: self.cleaned_data[name] for name, pk in self.signatory_fields.items()}

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error(
                "valid_until", _("The end of the validity period cannot be before its start.")
            )
        return data
