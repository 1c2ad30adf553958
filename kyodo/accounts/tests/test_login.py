import pytest
from django.urls import reverse

from kyodo.accounts.tests.factories import UserFactory

PASSWORD = "kyodo-test-password"


@pytest.fixture
def staff_user(staff_a):
    return staff_a


def post_login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_page_is_japanese_with_required_marks(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "アカウント名" in html
    assert "※必須" in html


@pytest.mark.parametrize(
    ("persona", "home"),
    [
        ("administrator", "accounts:administrator_home"),
        ("coordinator", "accounts:coordinator_home"),
        ("staff_a", "accounts:staff_home"),
        ("partner_member", "accounts:partner_home"),
        ("evaluator", "accounts:evaluator_home"),
    ],
)
def test_each_role_lands_on_its_own_home(client, request, persona, home):
    user = request.getfixturevalue(persona)
    response = post_login(client, user.username, PASSWORD)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == reverse(home)
    assert client.get(response["Location"]).status_code == 200


def test_full_width_account_name_is_accepted(client, staff_user):
    response = post_login(client, "ｐ＿ｓｔａｆｆ＿ａ ", PASSWORD)
    assert response.status_code == 302


def test_a_user_without_a_role_is_told_so(client, outsider):
    post_login(client, outsider.username, PASSWORD)
    html = client.get(reverse("accounts:home")).content.decode()
    assert "役割が設定されていません" in html


def test_wrong_password_shows_a_japanese_message_and_keeps_the_name(client, staff_user):
    response = post_login(client, staff_user.username, "wrong")
    html = response.content.decode()
    assert response.status_code == 200
    assert "アカウント名またはパスワードが正しくありません" in html
    assert f'value="{staff_user.username}"' in html


def test_five_failures_lock_the_account_with_a_clear_message(client, staff_user):
    for _ in range(4):
        assert post_login(client, staff_user.username, "wrong").status_code == 200
    response = post_login(client, staff_user.username, "wrong")
    assert response.status_code == 429
    assert "ロック" in response.content.decode()
    # Even the right password is refused while locked.
    response = post_login(client, staff_user.username, PASSWORD)
    assert response.status_code == 429
    assert "5回続けて失敗" in response.content.decode()


def test_lockout_of_one_account_leaves_others_alone(client, staff_user, staff_b):
    for _ in range(5):
        post_login(client, staff_user.username, "wrong")
    assert post_login(client, staff_b.username, PASSWORD).status_code == 302


def test_logout_needs_post_and_ends_the_session(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("accounts:staff_home")).status_code == 302  # to login


def test_password_change(client, db):
    user = UserFactory(username="changer")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "shin-pasuwado-2026", "new_password2": "x"},
    )
    assert response.status_code == 200
    assert "入力内容を確認してください" in response.content.decode()
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "shin-pasuwado-2026",
            "new_password2": "shin-pasuwado-2026",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("shin-pasuwado-2026")


def test_login_redirect_honours_a_safe_next_only(client, staff_user):
    url = reverse("accounts:login") + "?next=https://evil.example/"
    response = client.post(
        url,
        {"username": staff_user.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("accounts:home")
