"""A record chosen by typing its name, never from a <select> of every record.

A large city has 20,000 partners and 20,000 projects: a <select> of them is megabytes of HTML
and seconds of rendering. The field is a text input with a <datalist> of at most `limit`
suggestions (names or readings holding what was typed; before anything is typed, the ones the
form offers first), checked on the server: the name must be exactly one record's of the field's
queryset, which a form may narrow per person (a partner member's own projects).

Where records share names (people: homonyms are common), a subclass overrides `labels` to
suggest text that tells them apart (the name with a reading and a short key) and `matching`
to find the one record such a text means; the rest (bounded suggestions, messages keeping
what was typed) stays here.
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
            return self.label_for(value)
        if isinstance(value, UUID):
            manager = self.queryset.model._default_manager
            return next(iter(self.labels(manager.filter(pk=value))), None)
        return value

    def label_for(self, record) -> str:
        """The text that stands for one record (an initial value)."""
        return getattr(record, self.name_field)

    def labels(self, records) -> list[str]:
        """The suggestions' text for a (sliced) queryset, in its order."""
        return list(records.values_list(self.name_field, flat=True))

    def matching(self, text: str):
        """The records `text` (typed, NFKC-folded, stripped) may mean; sliceable."""
        return self.queryset.filter(**{self.name_field: text})

    def name_in(self, text: str) -> str:
        """The name within `text`, for the messages."""
        return text

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
        names = self.labels(records[: self.limit])
        return list(dict.fromkeys(names))  # a name twice is one suggestion

    def clean(self, value):
        text = nfkc(super().clean(value) or "").strip()
        if not text:
            return None
        found = list(self.matching(text)[:2])
        if len(found) == 1:
            return found[0]
        code = "ambiguous" if found else "unknown"
        raise forms.ValidationError(
            self.error_messages[code], code=code, params={"name": self.name_in(text)}
        )
