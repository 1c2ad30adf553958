"""Cutting Japanese text into the words that are indexed and searched."""

import threading
import unicodedata
from functools import cache

from sudachipy import Dictionary, SplitMode

# Particles, auxiliary verbs, punctuation and blanks carry no meaning of their own in a search.
_SKIPPED_POS = frozenset({"助詞", "助動詞", "補助記号", "空白"})
_local = threading.local()


@cache
def _dictionary() -> Dictionary:
    # The dictionary is shared (it is read-only); loading it takes a fraction of a second.
    return Dictionary(dict="core")


def _tokenizer():
    # A Sudachi tokenizer keeps state while it works, so each thread gets its own.
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        tokenizer = _local.tokenizer = _dictionary().tokenizer(SplitMode.C)
    return tokenizer


def _form(morpheme) -> str:
    return morpheme.normalized_form().casefold().replace(" ", "")


def _morphemes(text: str):
    text = unicodedata.normalize("NFKC", text or "").casefold().strip()
    # Sudachi refuses very long inputs; cutting at line ends keeps each piece small.
    for line in text.splitlines():
        if not line.strip():
            continue
        for morpheme in _tokenizer().tokenize(line[:10000]):
            if morpheme.part_of_speech()[0] not in _SKIPPED_POS and _form(morpheme):
                yield morpheme


def words(text: str) -> list[str]:
    """The normalised words of `text`, in order (repeats kept: they count for ranking).

    Each long unit (見守り, 協働事業) is followed by its short units when it has several
    (見る 守る, 協働 事業), so that a query finds a compound by any of its parts and the
    same text always gives the same words on both sides of the search.
    """
    result = []
    for morpheme in _morphemes(text):
        result.append(_form(morpheme))
        parts = morpheme.split(SplitMode.A)
        if len(parts) > 1:
            result.extend(_form(part) for part in parts if _form(part))
    return result


def unique_words(text: str) -> list[str]:
    """The distinct words of a query, in order (long units and their parts)."""
    return list(dict.fromkeys(words(text)))


def display_words(text: str) -> list[str]:
    """The distinct long units of a query: what a person would call its words."""
    return list(dict.fromkeys(_form(morpheme) for morpheme in _morphemes(text)))
