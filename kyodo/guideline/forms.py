from django import forms
from django.utils.translation import gettext_lazy as _

from kyodo.guideline.models import Favours


class QuestionForm(forms.Form):
    group = forms.CharField(label=_("Group"), max_length=100, required=False)
    text = forms.CharField(
        label=_("Question"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Leave empty to remove the question from the new version."),
    )
    help_text = forms.CharField(
        label=_("Help text"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # Carried into the new version, so that the question keeps its name in the city file and
    # the answer that speaks for collaboration.
    key = forms.SlugField(required=False, widget=forms.HiddenInput)
    favours = forms.ChoiceField(
        label=_("Answer that speaks for collaboration"),
        choices=[("", "—"), *Favours.choices],
        required=False,
    )


QuestionFormSet = forms.formset_factory(QuestionForm, extra=2)


class RevisionNoteForm(forms.Form):
    note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        help_text=_("Kept with the new version, e.g. the decision that changed the guideline."),
    )
