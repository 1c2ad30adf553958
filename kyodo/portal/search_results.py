"""One public search result as people can use it (issue 17-10): its type, its date and an
excerpt of its public text with the searched words marked.

Each group names the fields its excerpt may come from: only what the object's public page
shows (never, say, a dialogue session's internal note), so the excerpt tells no more than
the page it links to. The excerpt is escaped piece by piece and only our <mark> is markup.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext_lazy

from kyodo.core import wareki
from kyodo.core.search.tokens import content_words

EXCERPT_CHARS = 90  # about two lines on a phone
_LEAD = 20  # characters kept before the first searched word


@dataclass(frozen=True)
class Spec:
    url_name: str
    texts: tuple[str, ...]  # public fields the excerpt may come from, in order
    date: str | None = None  # the attribute holding the date shown
    date_label: str = ""
    title: str = "title"
    by_pk: bool = True  # the link is to the object's page (else to the group's list)
    reads: tuple[str, ...] = ()  # other fields `entry()` reads
    related: tuple[str, ...] = ()  # the relations those fields go through

    def columns(self) -> tuple[str, ...]:
        """Every field `entry()` reads: a group's results are read with these only (an
        event's or a project's every column was a third of a broad word's first search)."""
        dated = (self.date,) if self.date else ()
        return tuple(dict.fromkeys((self.title, *self.texts, *dated, *self.reads)))


SPECS = {
    "projects": Spec(
        "portal:project_detail",
        ("local_issue", "purpose", "public_benefit"),
        "fiscal_year_from",
        pgettext_lazy("search result", "fiscal year"),
    ),
    "events": Spec(
        "portal:event_detail",
        ("description",),
        "start_date",
        pgettext_lazy("search result", "date"),
    ),
    "news": Spec(
        "portal:news_detail", ("body",), "publish_on", pgettext_lazy("search result", "published")
    ),
    "calls": Spec(
        "calls:public_detail",
        ("purpose", "eligibility"),
        "deadline",
        pgettext_lazy("search result", "deadline"),
    ),
    "partners": Spec(
        "portal:partner_detail",
        ("activity", "track_record"),
        title="name",
        reads=("partner_type__name",),
        related=("partner_type",),
    ),
    "councils": Spec(
        "councils:public_detail",
        ("purpose",),
        "established_on",
        pgettext_lazy("search result", "established"),
        "name",
    ),
    "dialogue": Spec(
        "portal:dialogue_detail", ("topics",), "date", pgettext_lazy("search result", "date")
    ),
    "trainings": Spec(
        "portal:training_list",
        ("description",),
        "date",
        pgettext_lazy("search result", "date"),
        by_pk=False,
    ),
    "agreements": Spec(
        "portal:agreement_detail",
        ("purpose",),
        "signed_on",
        pgettext_lazy("search result", "signed"),
    ),
    "staff_activities": Spec(
        "portal:staff_activity_list",
        ("description",),
        "date",
        pgettext_lazy("search result", "date"),
        title="description",  # entry() titles it by kind and organisation
        by_pk=False,
        reads=("kind", "organisation_name", "partner__name"),  # StaffActivity.organisation
        related=("partner",),
    ),
}


@dataclass
class Entry:
    pk: object  # the object found (its key: an entry is kept in the cache)
    url: str
    title: str
    kind: str  # the group's label, or the partner's type
    excerpt: SafeString
    day: date | None = None
    date_text: str = ""
    date_label: str = ""


def search_terms(query: str) -> list[str]:
    """What to mark: the words as typed and their content words, longest first."""
    typed = unicodedata.normalize("NFKC", query).split()
    terms = {term for term in typed + content_words(query) if term.strip()}
    return sorted(terms, key=len, reverse=True)


def excerpt(text: str, terms: list[str]) -> SafeString:
    """About EXCERPT_CHARS of `text` around its first searched word, the words in <mark>."""
    text = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if not text:
        return mark_safe("")
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    first = pattern.search(text) if terms else None
    start = max(0, first.start() - _LEAD) if first else 0
    piece = text[start : start + EXCERPT_CHARS]
    html = []
    position = 0
    for found in pattern.finditer(piece) if terms else ():
        html.append(escape(piece[position : found.start()]))
        html.append(f"<mark>{escape(found.group())}</mark>")
        position = found.end()
    html.append(escape(piece[position:]))
    prefix = "…" if start else ""
    suffix = "…" if start + EXCERPT_CHARS < len(text) else ""
    # Every piece of the text went through escape(); the only markup is our own <mark>.
    return mark_safe(prefix + "".join(html) + suffix)


def _text(item, spec: Spec, terms: list[str]) -> str:
    texts = [str(getattr(item, name, "") or "") for name in spec.texts]
    lowered = [text.casefold() for text in texts]
    for text, low in zip(texts, lowered, strict=True):
        if any(term.casefold() in low for term in terms):
            return text
    return next((text for text in texts if text), "")


def _date(item, spec: Spec) -> tuple[date | None, str]:
    value = getattr(item, spec.date, None) if spec.date else None
    if value is None:
        return None, ""
    if isinstance(value, int):  # a fiscal year
        return None, wareki.fiscal_year_label(value)
    if isinstance(value, datetime):
        value = value.date()
    return value, ""


def entry(key: str, label: str, item, terms: list[str]) -> Entry:
    spec = SPECS[key]
    if key == "staff_activities":
        title = f"{item.get_kind_display()}：{item.organisation or item.description[:40]}"
    else:
        title = getattr(item, spec.title)
    kind = item.partner_type.name if key == "partners" else label
    day, text = _date(item, spec)
    return Entry(
        pk=item.pk,
        url=reverse(spec.url_name, args=[item.pk] if spec.by_pk else []),
        title=title,
        kind=kind,
        excerpt=excerpt(_text(item, spec, terms), terms),
        day=day,
        date_text=text,
        date_label=str(spec.date_label),
    )
