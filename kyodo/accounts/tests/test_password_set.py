"""The page where an invited person chooses a password, from the link they were e-mailed."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from kyodo.accounts.models import User
from kyodo.accounts.passwords import password_set_url
from kyodo.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "yuki-no-hi-2026-abashiri"


@pytest.fixture
def invited(db):
    user = UserFactory(username="invited@example.jp")
    user.set_unusable_password()
    user.save()
    return user


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_the_link_sets_the_password_once(client, invited):
    url = path_of(password_set_url(invited))
    response = client.get(url, follow=True)
    html = response.content.decode()
    assert "パスワード" in html and "invited@example.jp" in html
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:password_set_done")
    assert User.objects.get(pk=invited.pk).check_password(NEW_PASSWORD)
    assert "ログイン" in client.get(response["Location"]).content.decode()
    # The token was derived from the old password: the same link no longer works.
    client.logout()
    html = client.get(url, follow=True).content.decode()
    assert "有効期限が切れたか" in html


def test_a_bad_password_is_answered_in_japanese(client, invited):
    response = client.get(path_of(password_set_url(invited)), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    assert "このパスワードは短すぎます" in response.content.decode()
    assert not User.objects.get(pk=invited.pk).has_usable_password()


def test_a_forged_link_is_refused(client, invited):
    url = reverse("accounts:password_set", kwargs={"uidb64": "Zm9v", "token": "abc-def"})
    response = client.get(url)
    assert response.status_code == 200
    assert "有効期限が切れたか" in response.content.decode()
