"""Every Japanese catalogue (the project's and each app's own) is complete and compiled."""

from pathlib import Path

import polib
import pytest

KYODO = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(KYODO.glob("**/locale/ja/LC_MESSAGES/django.po"))


def test_the_project_catalogue_exists():
    assert KYODO / "locale/ja/LC_MESSAGES/django.po" in CATALOGUES


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(KYODO)))
def test_every_message_is_translated_into_japanese(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(KYODO)))
def test_compiled_catalogue_is_up_to_date(po_path):
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{po_path.with_suffix('.mo')} is stale for {entry.msgid!r}: run `make messages`"
        )


def test_one_english_message_has_one_japanese_text_across_catalogues():
    """Django merges every catalogue into one: for a message found in several, only the first
    catalogue's text is ever shown (the project's, then the apps in INSTALLED_APPS order), so a
    different text elsewhere is dead and that app's pages show another app's wording. Give the
    same text, or a context (pgettext, `{% translate "…" context "…" %}`) when the meaning differs.
    """
    texts: dict[tuple, dict[str, str]] = {}
    for po_path in CATALOGUES:
        for entry in polib.pofile(str(po_path)).translated_entries():
            text = entry.msgstr or str(sorted(entry.msgstr_plural.items()))
            key = (entry.msgctxt, entry.msgid)
            texts.setdefault(key, {})[str(po_path.relative_to(KYODO).parts[0])] = text
    clashes = {
        f"{msgctxt + ' | ' if msgctxt else ''}{msgid}": by_catalogue
        for (msgctxt, msgid), by_catalogue in texts.items()
        if len(set(by_catalogue.values())) > 1
    }
    assert not clashes, "one English message, several Japanese texts:\n" + "\n".join(
        f"  {message!r}: {by_catalogue}" for message, by_catalogue in sorted(clashes.items())
    )
