"""A record chosen by typing its name, never from a <select> of every record.

A large city has 20,000 partners and 20,000 projects: a <select> of them is megabytes of HTML
and seconds of rendering. The field is a text input with a <datalist> of at most `limit`
suggestions (names or readings holding what was typed; before anything is typed, the ones the
form offers first), checked on the server: the name must be exactly one record's of the field's
queryset, which a form may narrow per person (a partner member's own projects).
"""

from uuid import UUID

import jaconv
from django import forms
from django.db.models import Q

from kyodo.core.normalize import nfkc


class NamedChoiceInput(forms.TextInput):
    template_name = "core/forms/named_choice.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.field = None  # set by NamedChoiceField: the suggestions come from its queryset

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["suggestions"] = self.field.suggestions(value or "") if self.field else []
        if widget["suggestions"]:
            widget["attrs"].update(list=f"{widget['attrs']['id']}_list", autocomplete="off")
        return context


class NamedChoiceField(forms.CharField):
    """`queryset` (settable) holds the choosable records; `name_field` is what is typed and
    must match exactly, `kana_field` a reading also searched; `first` narrows the suggestions
    shown before anything is typed. `messages` has "unknown" and "ambiguous" (with %(name)s)."""

    widget = NamedChoiceInput

    def __init__(
        self,
        *,
        queryset,
        name_field: str,
        messages: dict,
        kana_field: str | None = None,
        first=None,
        limit: int = 30,
        **kwargs,
    ):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.queryset = queryset
        self.name_field, self.kana_field = name_field, kana_field
        self.first, self.limit = first, limit
        self.error_messages = {**self.error_messages, **messages}
        self.widget.field = self

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result  # each form's copy suggests from its own queryset
        return result

    def prepare_value(self, value):
        # The initial value may be the record or its key (a ModelForm's instance gives the
        # key); a bound form keeps what was typed.
        if isinstance(value, self.queryset.model):
            return getattr(value, self.name_field)
        if isinstance(value, UUID):
            manager = self.queryset.model._default_manager
            return manager.filter(pk=value).values_list(self.name_field, flat=True).first()
        return value

    def suggestions(self, typed: str) -> list[str]:
        records = self.queryset
        words = nfkc(typed).split()
        for word in words:  # a reading typed in hiragana finds the katakana
            match = Q(**{f"{self.name_field}__icontains": word})
            if self.kana_field:
                match |= Q(**{f"{self.kana_field}__icontains": jaconv.hira2kata(word)})
            records = records.filter(match)
        if not words and self.first is not None:
            records = self.first(records)
        names = records.values_list(self.name_field, flat=True)[: self.limit]
        return list(dict.fromkeys(names))  # a name twice is one suggestion

    def clean(self, value):
        name = nfkc(super().clean(value) or "").strip()
        if not name:
            return None
        found = list(self.queryset.filter(**{self.name_field: name})[:2])
        if not found:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": name}
            )
        if len(found) > 1:
            raise forms.ValidationError(
                self.error_messages["ambiguous"], code="ambiguous", params={"name": name}
            )
        return found[0]
