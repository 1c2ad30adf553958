"""Form rendering in the Digital Agency style and fields that normalise Japanese input.

Every form text field of the project cleans what was typed the same way (issue 12.6):
`install_text_cleaning()` — run when this module is first imported, which every app's forms
and the project's middleware do — makes `django.forms.CharField.to_python` pass its value
through `kyodo.core.normalize.clean_text`. Every CharField of every app, and every field built
on it (EmailField, URLField, SlugField, the fields a ModelForm makes for CharField and
TextField columns, the normalising fields below), then normalises line ends, drops control
characters and refuses lone surrogates with a message, without each form asking.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from kyodo.core import normalize, wareki
from kyodo.core.work_cache import kept_value

_CLEANS_TEXT = "_kyodo_cleans_text"


def install_text_cleaning() -> None:
    """Make every forms.CharField clean its text with normalize.clean_text (idempotent)."""
    original = forms.CharField.to_python
    if getattr(original, _CLEANS_TEXT, False):
        return

    def to_python(self, value):
        value = original(self, value)
        if isinstance(value, str) and value:
            value = normalize.clean_text(value)
            if self.strip:
                value = value.strip()
        return value

    setattr(to_python, _CLEANS_TEXT, True)
    forms.CharField.to_python = to_python


install_text_cleaning()

_NAMES_FIELDS = "_kyodo_names_fields"
_CHOSEN = (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField, forms.FileField)


def required_message(field: forms.Field, label: str) -> str:
    """What an empty required field says, naming it as the Digital Agency's forms do:
    「事業名を入力してください。」 for what is typed, 「年度を選択してください。」 for a choice."""
    if isinstance(field, _CHOSEN) or isinstance(field.widget, forms.CheckboxInput):
        return _("Choose %(label)s.") % {"label": label}
    return _("Enter %(label)s.") % {"label": label}


def install_field_named_errors() -> None:
    """Make every form's "This field is required." name the field (idempotent).

    Only Django's generic message is replaced: a field (or form) that says something of its
    own keeps it. The label is the one shown beside the field, so both read the same.
    """
    original = forms.BaseForm.full_clean
    if getattr(original, _NAMES_FIELDS, False):
        return
    generic = forms.Field.default_error_messages["required"]

    def full_clean(self):
        for name, field in self.fields.items():
            if field.required and field.error_messages.get("required") == generic:
                label = str(self[name].label or name).rstrip(":：")
                field.error_messages["required"] = required_message(field, label)
        original(self)

    setattr(full_clean, _NAMES_FIELDS, True)
    forms.BaseForm.full_clean = full_clean


install_field_named_errors()


class KyodoFormRenderer(TemplatesSetting):
    """Every `{{ form }}` gets the error summary, 「※必須」 marks and linked error messages."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    # The same HTML as Django's select.html with each <option> written inline instead of
    # included (an include per option was most of a filter form's time: 72 options a list).
    FASTER = {"django/forms/widgets/select.html": "core/forms/select.html"}

    def get_template(self, template_name):
        return super().get_template(self.FASTER.get(template_name, template_name))


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


class YenField(forms.CharField):
    """An amount in whole yen, typed the way people write it: 「１２，０００円」, 「¥5,000」.

    Full-width digits and commas are folded (NFKC), spaces dropped, a trailing 円 and a leading
    ¥ (or the backslash a Japanese keyboard's ¥ key types) removed. Minus amounts (also written
    with ▲ or △, as in Japanese accounts) and sen are refused. The value is an int, or None
    when empty. A text input, not type=number: browsers refuse full-width digits and commas
    there, and would not keep what was typed to show it again with the error.

    `min_value` and `max_value` (whole yen) are optional; the amount never exceeds MAX_YEN.
    """

    MAX_YEN = 999_999_999_999_999  # 15 digits: fits every integer column with room to spare

    default_error_messages = {
        "invalid": _("Enter the amount in whole yen (digits only)."),
        "min_value": _("Enter an amount of %(limit_value)s yen or more."),
        "max_value": _("Enter an amount of %(limit_value)s yen or less."),
    }
    _MINUS = re.compile(r"[-−▲△]")

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        self.min_value = min_value
        self.max_value = self.MAX_YEN if max_value is None else min(max_value, self.MAX_YEN)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        text = re.sub(r"\s", "", normalize.nfkc(value)).replace(",", "").removesuffix("円")
        text = text.removeprefix("¥").removeprefix("\\")
        if self._MINUS.match(text):
            self._refuse("min_value", max(self.min_value or 0, 0), code="negative")
        if not re.fullmatch(r"[0-9]+", text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        # Counted before int(): a thousand digits would make int() itself refuse.
        if len(text.lstrip("0")) > len(str(self.MAX_YEN)):
            self._refuse("max_value", self.max_value)
        return int(text)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            self._refuse("min_value", self.min_value)
        if value > self.max_value:
            self._refuse("max_value", self.max_value)

    def _refuse(self, key, limit, code=None):
        raise ValidationError(
            self.error_messages[key], code=code or key, params={"limit_value": f"{limit:,}"}
        )

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "numeric"}


class JapaneseDateField(forms.DateField):
    """A date typed as people write it: 2026-11-28, 2026/11/28, 令和8年11月28日, R8.11.28.

    Full-width digits are folded. A text input, not type=date: a date picker cannot take a
    和暦 date, and a text input keeps what was typed to show it again with the error.
    """

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Enter a date such as 2026-11-28 or 令和8年11月28日."),
    }

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            parsed = wareki.parse_date(value)
            if parsed is None:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            return parsed
        return super().to_python(value)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off", "size": "18"}


def apply_service_error(form, error: ValidationError, current_lock_version=None) -> None:
    """Put a service's ValidationError onto the form: per field where it names one, else on top.

    After an edit conflict (`kyodo.core.locking.EditConflict`) the form keeps what the person
    typed but is based on the record as it is now (`current_lock_version`): saving again, after
    checking the other person's change, is then a deliberate choice.
    """
    from kyodo.core.locking import EditConflict

    if isinstance(error, EditConflict) and current_lock_version is not None:
        form.data = form.data.copy()
        form.data[form.add_prefix("lock_version")] = current_lock_version
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class _ListedChoices(ModelChoiceIterator):
    """The choices read with one plain query: Django's iterator() opens a server-side cursor on
    PostgreSQL (DECLARE, FETCH, CLOSE: twice the time for a dozen rows). A whole table (no
    filter: the same for every reader) is kept until a record changes (`kept_value`), so a
    list's filter form reads none while nothing changes."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from (self.choice(obj) for obj in self._rows())

    def _rows(self) -> list:
        query = self.queryset.query
        # Kept only for a table read as it is (`Model.objects.all()`, ordered or not): the key
        # names the model and the order, so columns left out, joins or annotations would make
        # two querysets share rows that are not the same.
        as_it_is = not (query.where or query.annotations or query.select_related)
        if not as_it_is or query.deferred_loading != (frozenset(), True):
            return list(self.queryset)
        table = {"model": self.queryset.model._meta.label, "order": tuple(query.order_by)}
        return kept_value("form-choices", table, lambda: list(self.queryset))


class ShortModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField over a short table (departments, types, fields) in a list filter."""

    iterator = _ListedChoices
