import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from kyodo.core import normalize


@pytest.mark.parametrize(
    "typed",
    ["093-8555", "０９３－８５５５", "〒093-8555", " 0938555 ", "093ー8555", "〒０９３　８５５５"],
)
def test_postal_codes_are_normalised(typed):
    assert normalize.normalize_postal_code(typed) == "093-8555"


@pytest.mark.parametrize("typed", ["093-855", "abc-defg", "", "093-85555"])
def test_bad_postal_codes_get_a_clear_message(typed):
    with pytest.raises(ValidationError) as excinfo:
        normalize.normalize_postal_code(typed)
    assert "7" in excinfo.value.messages[0]


@pytest.mark.parametrize(
    "typed",
    ["0152-44-6111", "０１５２－４４－６１１１", "0152446111", " 0152 44 6111 ", "+81 152-44-6111"],
)
def test_phone_numbers_are_normalised(typed):
    assert normalize.normalize_phone(typed) == "0152-44-6111"


def test_mobile_numbers_are_kept_in_their_written_form():
    assert normalize.normalize_phone("０９０１２３４５６７８") == "090-1234-5678"


@pytest.mark.parametrize("typed", ["12", "電話番号", "0152-44"])
def test_bad_phone_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        normalize.normalize_phone(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("あばしり たろう", "アバシリ タロウ"),
        ("ｱﾊﾞｼﾘ ﾀﾛｳ", "アバシリ タロウ"),
        ("アバシリ　タロウ", "アバシリ タロウ"),
        ("  きょうどう・ねっと  ", "キョウドウ・ネット"),
        ("", ""),
    ],
)
def test_furigana_becomes_full_width_katakana(typed, expected):
    assert normalize.normalize_furigana(typed) == expected


def test_furigana_in_kanji_is_refused():
    with pytest.raises(ValidationError):
        normalize.normalize_furigana("網走太郎")


@pytest.mark.parametrize("code", ["012114", "０１２１１４", " 012114 ", "130001", "281000"])
def test_valid_local_government_codes(code):
    assert normalize.normalize_local_government_code(code) == normalize.nfkc(code).strip()


@pytest.mark.parametrize("code", ["012115", "01211", "abcdef", "0121144"])
def test_invalid_local_government_codes(code):
    with pytest.raises(ValidationError):
        normalize.normalize_local_government_code(code)


def test_check_digit_of_abashiri():
    assert normalize.local_government_check_digit("01211") == 4


def test_search_keys_fold_width_and_case():
    assert normalize.normalize_search_key("ＮＰＯ　法人  ｷｮｳﾄﾞｳ") == "npo 法人 キョウドウ"


def test_codes_lose_spaces_and_unify_hyphens():
    assert normalize.normalize_code(" Ａ－１２ ３ ") == "A-123"


@given(st.text())
def test_search_key_normalisation_is_idempotent(text):
    once = normalize.normalize_search_key(text)
    assert normalize.normalize_search_key(once) == once


@given(st.from_regex(r"\A[0-9]{7}\Z"))
def test_any_seven_digits_make_a_postal_code(digits):
    full_width = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert normalize.normalize_postal_code(full_width) == f"{digits[:3]}-{digits[3:]}"


@pytest.mark.parametrize(
    "typed",
    [
        "hanako@example.jp",
        " Hanako@Example.JP ",
        "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
        "\u3000HANAKO@example.jp",
    ],
)
def test_e_mail_addresses_are_normalised(typed):
    assert normalize.normalize_email(typed) == "hanako@example.jp"
