from django import forms
from django.template import Context, Template

from kyodo.core.forms import (
    EmailAddressField,
    FuriganaField,
    LocalGovernmentCodeField,
    PhoneNumberField,
    PostalCodeField,
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
    assert "このフィールドは必須です。" in html
    assert 'value="12345"' in html  # what was typed is kept
    assert 'value="abc"' in html
    assert "※必須" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html


def test_valid_form_shows_no_error_summary():
    html = Template("{{ form }}").render(Context({"form": ContactForm()}))
    assert "入力内容を確認してください" not in html
    assert html.count("※必須") == 2


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
