"""The Japanese translation is complete and the committed .mo matches the .po."""

from pathlib import Path

import polib
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0]) / "ja" / "LC_MESSAGES"


def test_every_message_is_translated_into_japanese():
    po = polib.pofile(str(LOCALE / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


def test_compiled_catalogue_is_up_to_date():
    po = polib.pofile(str(LOCALE / "django.po"))
    mo = polib.mofile(str(LOCALE / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"django.mo is stale for {entry.msgid!r}: run `make messages`"
        )
