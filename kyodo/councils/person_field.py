"""An existing person chosen by typing, never from a <select> of every person ever appointed.

People share names (two 佐藤 太郎 on two councils are common), so a suggestion is the name, the
reading, the councils the person sits or sat on and a short key, 「佐藤 太郎（サトウ タロウ）
景観審議会 [1a2b3c4d]」: the first eight hex digits of the person's UUID, found through the
primary key's index (a range of keys), and the name checked with it. A name typed alone is
taken when exactly one person has it.
"""

import re
from uuid import UUID

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyodo.core.named_choice import NamedChoiceField
from kyodo.core.normalize import nfkc
from kyodo.councils.models import Person, Term

KEY_DIGITS = 8
# Matched after NFKC, which folds 「［」 and full-width digits and letters to ASCII.
_KEY = re.compile(r"\[\s*([0-9a-f]{" + str(KEY_DIGITS) + r"})\s*\]$", re.IGNORECASE)
COUNCILS_SHOWN = 2


def person_key(person_id: UUID) -> str:
    return person_id.hex[:KEY_DIGITS]


def _recent_first(people):
    # Before anything is typed: the people registered or changed most recently.
    return people.order_by("-updated_at")


def _councils(names: list[str]) -> str:
    shown = "・".join(names[:COUNCILS_SHOWN])
    more = len(names) - COUNCILS_SHOWN
    if more > 0:
        return _("%(councils)s and %(count)d more") % {"councils": shown, "count": more}
    return shown


class PersonChoiceField(NamedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Person.objects.order_by("name_kana", "name", "id"),
            name_field="name",
            kana_field="name_kana",
            first=_recent_first,
            messages={
                "unknown": gettext_lazy(
                    "No registered person is named “%(name)s”: choose one of the suggestions, "
                    "or leave this empty and enter the name to register a new person."
                ),
                "ambiguous": gettext_lazy(
                    "Several people are named “%(name)s”: choose one of the suggestions, "
                    "which tell them apart."
                ),
            },
            **kwargs,
        )

    def labels(self, records) -> list[str]:
        people = list(records.only("id", "name", "name_kana"))
        councils: dict = {}
        terms = (
            Term.objects.filter(person__in=[p.pk for p in people])
            .order_by("council__name")
            .values_list("person_id", "council__name")
            .distinct()
        )
        for person_id, name in terms:
            councils.setdefault(person_id, []).append(name)
        return [self._label(p, councils.get(p.pk, [])) for p in people]

    def _label(self, person, councils: list[str]) -> str:
        reading = f"（{person.name_kana}）" if person.name_kana else ""
        sits = f" {_councils(councils)}" if councils else ""
        return f"{person.name}{reading}{sits} [{person_key(person.pk)}]"

    def label_for(self, record) -> str:
        return self.labels(Person.objects.filter(pk=record.pk))[0]

    def name_in(self, text: str) -> str:
        key = _KEY.search(text)
        return text[: key.start()].split("(")[0].strip() if key else text

    def matching(self, text: str):
        key = _KEY.search(text)
        if not key:
            return self.queryset.filter(name=text)
        digits = key.group(1).lower()
        low, high = UUID(digits.ljust(32, "0")), UUID(digits.ljust(32, "f"))
        # The key is short: the name typed before it must be the person's as well.
        typed = text[: key.start()]
        found = self.queryset.filter(pk__range=(low, high))[:5]
        return [p for p in found if typed.startswith(nfkc(p.name))]
