"""The member tab of a partner: every persona, and the forms with bad input."""

import uuid

import pytest
from django.urls import reverse

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.accounts.tests.personas import PERSONAS
from kyodo.partners.models import PartnerMembership
from kyodo.partners.tests.factories import PartnerFactory, membership

pytestmark = pytest.mark.django_db

MANAGERS = {"administrator", "coordinator"}
VIEWERS = MANAGERS | {"staff_a", "staff_b"}


@pytest.fixture
def own(partner_member):
    partner = PartnerFactory(name="桂ボランティアの会")
    membership(partner, partner_member)
    return partner


@pytest.fixture
def other(db):
    partner = PartnerFactory(name="潮見町内会")
    membership(partner, UserFactory(username="shiomi", email="shiomi@example.jp"))
    return partner


@pytest.fixture
def newcomer(db):
    return UserFactory(username="newcomer", display_name="新人 太郎", email="newcomer@example.jp")


def refused(response, persona):
    if persona == "anonymous":
        return response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code in (403, 404)


def members_url(partner):
    return reverse("partners:members", args=[partner.pk])


# --- who sees and who manages --------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_member_list(persona_client, persona, own, other):
    client = persona_client(persona)
    for partner in (own, other):
        response = client.get(members_url(partner))
        if persona in VIEWERS or (persona == "partner_member" and partner == own):
            assert response.status_code == 200, partner
            html = response.content.decode()
            assert "メンバー" in html
            assert ("新しいメンバーを招待" in html) == (persona in MANAGERS)
            assert ("メンバーから外す" in html) == (persona in MANAGERS)
        else:
            assert refused(response, persona), partner


@pytest.mark.parametrize("persona", PERSONAS)
def test_adding_and_inviting(persona_client, persona, own, newcomer):
    client = persona_client(persona)
    response = client.post(
        reverse("partners:member_add", args=[own.pk]), {"add-email": "newcomer@example.jp"}
    )
    invited = client.post(
        reverse("partners:member_invite", args=[own.pk]),
        {"invite-display_name": "招待 花子", "invite-email": "hanako@example.jp"},
    )
    if persona in MANAGERS:
        assert response.status_code == invited.status_code == 302
        assert own.memberships.filter(user=newcomer).exists()
        assert own.memberships.filter(user__email="hanako@example.jp").exists()
    else:
        assert refused(response, persona) and refused(invited, persona)
        assert not own.memberships.filter(user=newcomer).exists()
        assert not User.objects.filter(email="hanako@example.jp").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_removing(persona_client, persona, own, partner_member):
    client = persona_client(persona)
    mine = own.memberships.get(user=partner_member)
    url = reverse("partners:member_remove", args=[own.pk, mine.pk])
    page = client.get(url)
    response = client.post(url)
    if persona in MANAGERS:
        assert page.status_code == 200
        assert response.status_code == 302
        assert not own.memberships.exists()
    else:
        assert refused(page, persona) and refused(response, persona)
        assert own.memberships.filter(user=partner_member).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_sending_a_new_link(persona_client, persona, own, mailoutbox, coordinator):
    from kyodo.partners import services

    invited = services.partner_member_invite(
        actor=coordinator, partner=own, display_name="招待 花子", email="hanako@example.jp"
    )
    url = reverse("partners:member_invite_resend", args=[own.pk, invited.pk])
    response = persona_client(persona).post(url)
    if persona in MANAGERS:
        assert response.status_code == 302
    else:
        assert refused(response, persona)


def test_a_membership_of_another_partner_is_not_found_through_this_one(persona_client, own, other):
    theirs = other.memberships.get()
    client = persona_client("coordinator")
    url = reverse("partners:member_remove", args=[own.pk, theirs.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert other.memberships.exists()


def test_the_profile_and_member_tabs(persona_client, own):
    html = persona_client("partner_member").get(reverse("partners:detail", args=[own.pk]))
    assert members_url(own) in html.content.decode()
    html = persona_client("administrator").get(members_url(own)).content.decode()
    # The administrator manages members but does not see partner profiles.
    assert f'href="{reverse("partners:detail", args=[own.pk])}"' not in html


# --- forms with bad input ------------------------------------------------------------------


def add(client, partner, email):
    return client.post(reverse("partners:member_add", args=[partner.pk]), {"add-email": email})


def invite(client, partner, **data):
    data = {f"invite-{key}": value for key, value in data.items()}
    return client.post(reverse("partners:member_invite", args=[partner.pk]), data)


def test_full_width_addresses_are_normalised(persona_client, own, newcomer):
    client = persona_client("coordinator")
    response = add(client, own, "　ＮＥＷＣＯＭＥＲ＠ｅｘａｍｐｌｅ．ｊｐ ")
    assert response.status_code == 302
    assert own.memberships.filter(user=newcomer).exists()
    html = client.get(response["Location"]).content.decode()
    assert "新人 太郎さんをメンバーに追加しました" in html
    assert "newcomer@example.jp" in html
    assert User.objects.get(pk=newcomer.pk).roles == [Role.PARTNER_MEMBER]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("nobody@example.jp", "このメールアドレスのアカウントはありません"),
        ("taro@@example", "有効なメールアドレスを入力してください"),
        ("ｔａｒｏ　＠example.jp", "有効なメールアドレスを入力してください"),
        ("p_partner@example.jp", "すでにこの団体のメンバーです"),
        ("p_staff_a@example.jp", "市の職員は団体ユーザーになれません"),
        ("", "メールアドレスを入力してください"),
    ],
)
def test_adding_bad_addresses(persona_client, own, staff_a, typed, message):
    response = add(persona_client("coordinator"), own, typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    if typed:
        assert f'value="{typed}"' in html, "the typed value is kept"
    assert own.memberships.count() == 1


def test_an_address_shared_by_two_accounts_is_not_guessed(persona_client, own):
    UserFactory(email="family@example.jp")
    UserFactory(email="Family@example.jp")
    html = add(persona_client("coordinator"), own, "family@example.jp").content.decode()
    assert "このメールアドレスを使うアカウントが複数あります" in html
    assert own.memberships.count() == 1


def test_a_disabled_account_is_refused(persona_client, own, newcomer):
    newcomer.is_active = False
    newcomer.save()
    html = add(persona_client("coordinator"), own, "newcomer@example.jp").content.decode()
    assert "このアカウントは無効になっています" in html


def test_inviting_with_bad_input_keeps_what_was_typed(persona_client, own, newcomer, mailoutbox):
    client = persona_client("coordinator")
    response = invite(
        client, own, display_name="新人 次郎", display_name_kana="abc", email="NEWCOMER@example.jp"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "このメールアドレスのアカウントはすでにあります" in html
    assert "カタカナ" in html
    assert 'value="新人 次郎"' in html and 'value="NEWCOMER@example.jp"' in html
    response = invite(client, own, display_name="", email="")
    html = response.content.decode()
    assert "氏名を入力してください" in html and "メールアドレスを入力してください" in html
    assert own.memberships.count() == 1
    assert mailoutbox == []


def test_inviting_through_the_page(
    persona_client, own, mailoutbox, django_capture_on_commit_callbacks
):
    client = persona_client("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(
            client,
            own,
            display_name="招待 花子",
            display_name_kana="しょうたい はなこ",
            email="ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
        )
    assert response.status_code == 302
    user = User.objects.get(email="hanako@example.jp")
    assert user.display_name_kana == "ショウタイ ハナコ"
    assert [mail.to for mail in mailoutbox] == [["hanako@example.jp"]]
    html = client.get(members_url(own)).content.decode()
    assert "パスワードを設定するリンクを送りました" in html
    assert "招待中" in html


def test_removing_the_last_member_is_allowed_with_a_warning(persona_client, own, partner_member):
    client = persona_client("coordinator")
    mine = own.memberships.get()
    url = reverse("partners:member_remove", args=[own.pk, mine.pk])
    html = client.get(url).content.decode()
    assert "最後のメンバー" in html
    assert "団体ユーザーの役割もなくなります" in html
    response = client.post(url)
    assert response.status_code == 302
    assert not PartnerMembership.objects.filter(partner=own).exists()
    html = client.get(response["Location"]).content.decode()
    assert "メンバーから外しました" in html
    assert "まだメンバーがいません" in html
    assert User.objects.get(pk=partner_member.pk).roles == []


def test_removing_one_of_several_members_does_not_warn(persona_client, own, newcomer):
    membership(own, newcomer)
    mine = own.memberships.get(user=newcomer)
    html = persona_client("coordinator").get(
        reverse("partners:member_remove", args=[own.pk, mine.pk])
    )
    assert "最後のメンバー" not in html.content.decode()


def test_the_add_and_invite_addresses_refuse_get(persona_client, own):
    client = persona_client("coordinator")
    assert client.get(reverse("partners:member_add", args=[own.pk])).status_code == 405
    assert client.get(reverse("partners:member_invite", args=[own.pk])).status_code == 405


def test_a_coordinator_finds_an_account_by_name_and_adds_it(persona_client, own, newcomer, staff_a):
    """Issue 17-11: no more reading an address off another organisation's member list."""
    newcomer.display_name_kana = "シンジン タロウ"
    newcomer.save()
    client = persona_client("coordinator")
    members = reverse("partners:members", args=[own.pk])
    for words in ("新人", "しんじん", "シンジン"):  # a reading in hiragana finds the katakana
        html = client.get(members, {"find": words}).content.decode()
        assert f'name="add-account" value="{newcomer.pk}"' in html, words
    html = client.get(members, {"find": staff_a.display_name or staff_a.username}).content.decode()
    assert f'value="{staff_a.pk}"' not in html  # city staff cannot be partner members
    assert "という名前のアカウント（市職員を除く）は見つかりません" in html

    response = client.post(
        reverse("partners:member_add", args=[own.pk]), {"add-account": str(newcomer.pk)}
    )
    assert response.status_code == 302
    assert own.memberships.filter(user=newcomer).exists()
    html = client.get(members, {"find": "新人"}).content.decode()
    assert f'value="{newcomer.pk}"' not in html  # already a member: not offered again


def test_the_account_search_is_for_those_who_manage_members(persona_client, own, newcomer):
    response = persona_client("partner_member").get(
        reverse("partners:members", args=[own.pk]), {"find": "新人"}
    )
    assert response.status_code == 200  # their own organisation's members, but no search
    assert "newcomer@example.jp" not in response.content.decode()
    assert 'name="find"' not in response.content.decode()


def test_a_made_up_account_id_is_refused_in_words(persona_client, own):
    response = persona_client("coordinator").post(
        reverse("partners:member_add", args=[own.pk]), {"add-account": str(uuid.uuid4())}
    )
    assert response.status_code == 200
    assert "検索結果からアカウントを選んでください" in response.content.decode()
    assert own.memberships.count() == 1
