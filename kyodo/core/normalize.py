"""Normalisation of what people type: full-width digits, half-width katakana, stray spaces.

Codes, phone numbers, postal codes and search keys are folded with NFKC. Names are not: NFKC
would change characters people chose on purpose (e.g. ㈱ or compatibility kanji in a name).
"""

import re
import unicodedata

import jaconv
import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Characters people type for a hyphen in Japanese input; NFKC leaves most of them alone.
_HYPHENS = "‐‑‒–—―−ーｰ－﹣"
_HYPHEN_TABLE = str.maketrans({ch: "-" for ch in _HYPHENS})
_SPACES = re.compile(r"\s+")
_KATAKANA_NAME = re.compile(r"^[\u30a0-\u30ff\u3000 ・ー]+$")


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "")


def normalize_code(value: str) -> str:
    """Codes (identifiers, receipt numbers): NFKC, no spaces, hyphens unified."""
    return _SPACES.sub("", nfkc(value).translate(_HYPHEN_TABLE))


def normalize_email(value: str) -> str:
    """E-mail addresses: NFKC (full-width letters and ＠ become ASCII), trimmed, lower-case.

    Lower-casing the part before @ is not what RFC 5321 says, but no provider people use
    tells addresses apart by case, and a lookup by address must find what was registered.
    """
    return nfkc(value).strip().lower()


def normalize_search_key(value: str) -> str:
    """Search keys: NFKC, case-folded, runs of spaces collapsed to one."""
    return _SPACES.sub(" ", nfkc(value)).strip().casefold()


def normalize_postal_code(value: str) -> str:
    """Japanese postal code as NNN-NNNN; accepts 〒, full-width digits, any hyphen or none."""
    digits = normalize_code(value).removeprefix("〒").replace("-", "")
    if not re.fullmatch(r"\d{7}", digits):
        raise ValidationError(
            _("Enter a postal code of 7 digits, e.g. 093-8555."), code="invalid_postal_code"
        )
    return f"{digits[:3]}-{digits[3:]}"


def normalize_phone(value: str) -> str:
    """Japanese phone number in its national written form, e.g. 0152-44-6111."""
    text = normalize_code(value)
    try:
        number = phonenumbers.parse(text, "JP")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a phone number, e.g. 0152-44-6111."), code="invalid_phone"
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This is not a valid Japanese phone number."), code="invalid_phone")
    if number.country_code != 81:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalize_furigana(value: str) -> str:
    """Furigana in full-width katakana; hiragana and half-width katakana converted."""
    text = unicodedata.normalize("NFKC", value or "")  # half-width katakana to full-width
    text = jaconv.hira2kata(text)
    text = _SPACES.sub(" ", text.replace("\u3000", " ")).strip()
    if text and not _KATAKANA_NAME.fullmatch(text):
        raise ValidationError(
            _("Write the reading in katakana (hiragana is converted for you)."),
            code="invalid_furigana",
        )
    return text


def local_government_check_digit(first_five: str) -> int:
    """Check digit of a 全国地方公共団体コード (MIC's modulus 11 rule, weights 6 to 2)."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_five, (6, 5, 4, 3, 2), strict=True)
    )
    return (11 - total % 11) % 10


def normalize_local_government_code(value: str) -> str:
    """Six-digit 全国地方公共団体コード with a valid check digit, e.g. 131016 for 千代田区."""
    code = normalize_code(value).replace("-", "")
    if not re.fullmatch(r"\d{6}", code):
        raise ValidationError(
            _("A local government code has 6 digits: five and a check digit."),
            code="invalid_lg_code",
        )
    if local_government_check_digit(code[:5]) != int(code[5]):
        raise ValidationError(
            _("The check digit of this local government code is wrong."), code="invalid_lg_code"
        )
    return code


# --- Free text: the one step every text field goes through (issue 12.6) ----------------------
# C0 controls except tab and newline (CR is folded into newline first), DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """What a person typed, fit to store: line ends as \\n, control characters dropped.

    Tab and newline are kept; every other C0 or C1 control character is removed (people do not
    type them; they come with pasted text and break XML feeds and Excel files). A lone
    surrogate (possible only from JSON or a broken file, never from a browser form) cannot be
    stored as UTF-8 and is refused.
    """
    if _SURROGATE.search(value):
        raise ValidationError(
            _("The text contains a character that cannot be stored. Type it again."),
            code="surrogate",
        )
    return _CONTROL.sub("", _LINE_ENDS.sub("\n", value))


def printable_text(value: str) -> str:
    """Stored text made safe for output (feeds, spreadsheets): never raises."""
    return _CONTROL.sub("", _LINE_ENDS.sub("\n", _SURROGATE.sub("\ufffd", value)))
