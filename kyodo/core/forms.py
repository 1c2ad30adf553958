"""Form rendering in the Digital Agency style and fields that normalise Japanese input."""

from django import forms
from django.forms.renderers import TemplatesSetting

from kyodo.core import normalize


class KyodoFormRenderer(TemplatesSetting):
    """Every `{{ form }}` gets the error summary, 「※必須」 marks and linked error messages."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class NormalizedCharField(forms.CharField):
    """A CharField whose value is normalised (and validated) by `normalizer` before use."""

    normalizer = staticmethod(lambda value: value)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return self.normalizer(value)


class PostalCodeField(NormalizedCharField):
    normalizer = staticmethod(normalize.normalize_postal_code)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "autocomplete": "postal-code",
            "inputmode": "numeric",
        }


class PhoneNumberField(NormalizedCharField):
    normalizer = staticmethod(normalize.normalize_phone)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "tel", "inputmode": "tel"}


class EmailAddressField(forms.EmailField):
    """An e-mail address typed in any width, checked once normalised (see normalize_email)."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize.normalize_email(value) if value else value


class FuriganaField(NormalizedCharField):
    normalizer = staticmethod(normalize.normalize_furigana)


class LocalGovernmentCodeField(NormalizedCharField):
    normalizer = staticmethod(normalize.normalize_local_government_code)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "numeric"}
