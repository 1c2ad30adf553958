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
        tokenizer = _local.tokenizer = _dictionary().create(SplitMode.A)
    return tokenizer


def words(text: str) -> list[str]:
    """The normalised words of `text`, in order (repeats kept: they count for ranking)."""
    text = unicodedata.normalize("NFKC", text or "").casefold().strip()
    if not text:
        return []
    result = []
    # Sudachi refuses very long inputs; cutting at line ends keeps each piece small.
    for line in text.splitlines():
        if not line.strip():
            continue
        for morpheme in _tokenizer().tokenize(line[:10000]):
            if morpheme.part_of_speech()[0] in _SKIPPED_POS:
                continue
            word = morpheme.normalized_form().casefold().replace(" ", "")
            if word:
                result.append(word)
    return result


def unique_words(text: str) -> list[str]:
    """The distinct words of a query, in order."""
    return list(dict.fromkeys(words(text)))
