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


# Words that say nothing about what a text is about, by part of speech: suffixes (〜向け,
# 〜さん), prefixes, pronouns, adnominals, conjunctions, interjections, and verbs and
# adjectives that only support another word (居る, 為る, 無い). Used where words are shown as
# reasons (matching), not for the index: a search for 「する」 still finds what holds it.
_FUNCTION_POS = frozenset({"接尾辞", "接頭辞", "代名詞", "連体詞", "接続詞", "感動詞"})


def content_words(text: str) -> list[str]:
    """The distinct long units of `text` that carry meaning (see `_FUNCTION_POS`)."""
    kept = []
    for morpheme in _morphemes(text):
        pos = morpheme.part_of_speech()
        if pos[0] in _FUNCTION_POS or pos[1] == "非自立可能":
            continue
        kept.append(_form(morpheme))
    return list(dict.fromkeys(kept))
