import pytest
from django import forms
from django.template import Context, Template

from kyodo.core.forms import (
    EmailAddressField,
    FuriganaField,
    LocalGovernmentCodeField,
    PhoneNumberField,
    PostalCodeField,
    YenField,
)


class ContactForm(forms.Form):
    name = forms.CharField(label="氏名")
    name_kana = FuriganaField(label="フリガナ", required=False)
    postal_code = PostalCodeField(label="郵便番号")
    phone = PhoneNumberField(label="電話番号", required=False, help_text="日中に連絡がつく番号")
    city_code = LocalGovernmentCodeField(label="団体コード", required=False)


def test_fields_normalise_what_people_type():
    form = ContactForm(
        data={
            "name": "網走 太郎",
            "name_kana": "あばしり たろう",
            "postal_code": "〒０９３－８５５５",
            "phone": "０１５２－４４－６１１１",
            "city_code": "０１２１１４",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "name": "網走 太郎",
        "name_kana": "アバシリ タロウ",
        "postal_code": "093-8555",
        "phone": "0152-44-6111",
        "city_code": "012114",
    }


def test_bad_input_gets_japanese_messages_and_keeps_what_was_typed():
    form = ContactForm(data={"name": "", "postal_code": "12345", "phone": "abc", "city_code": "1"})
    html = Template("{{ form }}").render(Context({"form": form}))
    assert not form.is_valid()
    assert "入力内容を確認してください" in html  # the error summary
    assert 'href="#id_postal_code"' in html  # links to the field
    assert "郵便番号を7桁で入力してください" in html
    assert "氏名を入力してください。" in html  # the empty field is named
    assert 'value="12345"' in html  # what was typed is kept
    assert 'value="abc"' in html
    assert "※必須" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html


def test_valid_form_shows_no_error_summary():
    html = Template("{{ form }}").render(Context({"form": ContactForm()}))
    assert "入力内容を確認してください" not in html
    assert html.count("※必須") == 2


class AmountForm(forms.Form):
    amount = YenField(label="金額")
    optional = YenField(label="予算", required=False)
    ceiling = YenField(label="上限内", required=False, min_value=1_000, max_value=500_000)


def _amount(typed, name="amount"):
    form = AmountForm(data={"amount": "0", name: typed})
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("１２，０００円", 12_000),
        ("¥5,000", 5_000),
        ("￥５，０００", 5_000),
        ("\\5000", 5_000),  # the ¥ key of a Japanese keyboard types a backslash
        (" 300 ", 300),
        ("1 200 円", 1_200),
        ("0", 0),
        ("999999999999999", 999_999_999_999_999),
    ],
)
def test_yen_field_accepts_amounts_as_people_write_them(typed, expected):
    form = _amount(typed)
    assert form.errors == {}
    assert form.cleaned_data["amount"] == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "0円以上の金額を入力してください。"),
        ("−500円", "0円以上の金額を入力してください。"),
        ("▲500", "0円以上の金額を入力してください。"),
        ("¥-500", "0円以上の金額を入力してください。"),
        ("１．５", "金額は円単位の整数（数字のみ）で入力してください。"),
        ("abc", "金額は円単位の整数（数字のみ）で入力してください。"),
        ("５万", "金額は円単位の整数（数字のみ）で入力してください。"),
        ("1,000円円", "金額は円単位の整数（数字のみ）で入力してください。"),
        ("9" * 20, "999,999,999,999,999円以下の金額を入力してください。"),
        ("9" * 5000, "999,999,999,999,999円以下の金額を入力してください。"),
    ],
)
def test_yen_field_refuses_what_is_not_whole_yen_in_japanese(typed, message):
    form = _amount(typed)
    assert form.errors == {"amount": [message]}


def test_yen_field_empty_is_none_when_optional_and_required_otherwise():
    form = AmountForm(data={"amount": "", "optional": "　", "ceiling": ""})
    assert not form.is_valid()
    assert form.errors == {"amount": ["金額を入力してください。"]}
    assert form.cleaned_data == {"optional": None, "ceiling": None}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("999", "1,000円以上の金額を入力してください。"),
        ("-5", "1,000円以上の金額を入力してください。"),
        ("500,001", "500,000円以下の金額を入力してください。"),
    ],
)
def test_yen_field_checks_the_limits_a_form_gives_it(typed, message):
    assert _amount(typed, "ceiling").errors == {"ceiling": [message]}
    assert _amount("５００，０００円", "ceiling").cleaned_data["ceiling"] == 500_000


def test_yen_field_is_a_numeric_text_input_that_keeps_what_was_typed():
    form = _amount("１．５", "optional")
    html = str(form["optional"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html
    assert 'value="１．５"' in html
    assert "maxlength" not in html and "min=" not in html


class AddressForm(forms.Form):
    email = EmailAddressField(label="メールアドレス")


def test_e_mail_addresses_are_checked_once_normalised():
    form = AddressForm(data={"email": "ＨＡＮＡＫＯ＠ｅｘａｍｐｌｅ．ｊｐ　"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == "hanako@example.jp"
    form = AddressForm(data={"email": "ｈａｎａｋｏ＠＠example"})
    assert not form.is_valid()
    html = Template("{{ form }}").render(Context({"form": form}))
    assert "有効なメールアドレスを入力してください" in html
    assert 'value="ｈａｎａｋｏ＠＠example"' in html


class ChoiceForm(forms.Form):
    year = forms.ChoiceField(label="年度", choices=[("2026", "令和8年度")])
    agree = forms.BooleanField(label="同意")
    note = forms.CharField(label="備考", error_messages={"required": "備考は必ず書いてください。"})


def test_an_empty_required_field_is_named_and_a_choice_is_chosen():
    """Issue 17-6: not 「このフィールドは必須です。」 but the field's own name."""
    form = ChoiceForm(data={})
    assert form.errors == {
        "year": ["年度を選択してください。"],
        "agree": ["同意を選択してください。"],
        "note": ["備考は必ず書いてください。"],  # a field's own message is kept
    }


def test_the_named_message_follows_the_language():
    from django.utils import translation

    with translation.override("en"):
        assert ChoiceForm(data={}).errors["year"] == ["Choose 年度."]
