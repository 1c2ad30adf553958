"""The check before publication: what in a summary or reply looks like personal data.

It lists what it finds so that staff remove it; publication is refused while anything is
found. The patterns are for Japanese text (after NFKC, so full-width digits and ＠ are caught):
phone numbers (fixed, mobile, free dial), e-mail addresses, postal codes, street addresses
(丁目・番地・番・号・条 and chained numbers after a place name, 〇〇県〇〇市), and the name the
sender gave (whole, with or without its space, or a part of it with an honorific).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Every kind of hyphen people type becomes "-" before the patterns look (digits are folded by
# NFKC); the long vowel mark counts only between digits, where it is a hyphen typed in kana mode.
_DASHES = str.maketrans({ch: "-" for ch in "‐‑‒–—―−ｰ－﹣"})
_KANA_DASH = re.compile(r"(?<=\d)ー(?=\d)")
PATTERNS = [
    ("email", _("e-mail address"), re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "phone",
        _("phone number"),
        re.compile(
            r"(?<![\d-])(?:0\d{1,4}[-( ]\s?\d{1,4}[-) ]\s?\d{3,4}"
            r"|\(0\d{1,4}\)\s?\d{1,4}-\d{3,4}|0[5789]0\d{8}|0\d{9})(?![\d-])"
        ),
    ),
    (
        "postal_code",
        _("postal code"),
        re.compile(r"〒\s*\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?![\d-])"),
    ),
    (
        "address",
        _("address"),
        re.compile(
            r"(?:北海道|東京都|大阪府|京都府|[一-龥]{2,3}県)[一-龥ぁ-んァ-ン]{1,6}?[市郡区町村]"
            r"|\d+\s*(?:丁目|番地|条[東西南北])(?:\s*\d+\s*(?:丁目|番地|番|号))*|\d+番\d+号?"
            r"|[一-龥]{1,8}\d+-\d+-\d+|[一-龥]{0,8}[町目条]\s*\d+-\d+"
        ),
    ),
]
HONORIFICS = ("様", "さま", "さん", "氏", "殿")


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    text: str


def _name_patterns(name: str) -> list[re.Pattern]:
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not name:
        return []
    parts = name.split()
    whole = r"\s*".join(re.escape(part) for part in parts)
    patterns = [re.compile(whole)]
    # A family or given name alone is too common a word (a family name may also be the name
    # of a place), so it counts only with an honorific: 「山田様」「太郎さん」.
    honorific = "|".join(HONORIFICS)
    patterns += [
        re.compile(rf"{re.escape(part)}\s*(?:{honorific})") for part in parts if len(parts) > 1
    ]
    return patterns


def personal_data_findings(*texts: str, sender_name: str = "") -> list[Finding]:
    """What in `texts` looks like personal data, each found text once, in order of kind."""
    text = unicodedata.normalize("NFKC", "\n".join(t or "" for t in texts))
    text = _KANA_DASH.sub("-", text.translate(_DASHES))
    found: list[Finding] = []
    seen = set()
    checks = [(kind, label, pattern) for kind, label, pattern in PATTERNS]
    checks += [("name", _("the sender's name"), p) for p in _name_patterns(sender_name)]
    for kind, label, pattern in checks:
        for match in pattern.finditer(text):
            value = match.group(0).strip()
            if value and (kind, value) not in seen:
                seen.add((kind, value))
                found.append(Finding(kind, str(label), value))
    return found
