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
