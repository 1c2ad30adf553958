"""The admin's history pages answer 404, not 500, for a malformed address (probe, issue 12).

django-simple-history looks the object up with the id from the URL unchecked
(django-simple-history#1108); `KyodoHistoryAdmin` checks it first.
"""

import pytest

from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    from kyodo.accounts.roles import Role
    from kyodo.accounts.tests.factories import UserFactory

    # The partner rules decide for superusers too: the admin pages need the city side as well.
    client.force_login(
        UserFactory(roles=[Role.ADMINISTRATOR, Role.COORDINATOR], is_staff=True, is_superuser=True)
    )
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/django-admin/portal/news/probe-missing/history/",
        "/django-admin/partners/partner/not-a-uuid/history/",
        "/django-admin/core/municipality/0/history/",
    ],
)
def test_a_malformed_object_id_is_not_found(admin_client, path):
    assert admin_client.get(path).status_code == 404


def test_a_malformed_history_id_is_not_found_and_a_real_one_shows(admin_client):
    partner = PartnerFactory()
    base = f"/django-admin/partners/partner/{partner.pk}/history/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(f"{base}{partner.pk}/").status_code == 404
    history_id = partner.history.first().history_id
    assert admin_client.get(f"{base}{history_id}/").status_code == 200


def test_the_admin_site_is_in_japanese_with_the_libraries_apps_named(admin_client):
    """Issue 17-6: 「Kyodo 管理サイト」, and no English app name from a library."""
    html = admin_client.get("/django-admin/").content.decode()
    assert "Kyodo 管理サイト" in html and "サイト管理" in html
    assert "ログイン試行とロック" in html and "バックグラウンド処理" in html
    assert "Axes" not in html and "Tasks Database Backend" not in html
    assert "ログイン試行" in admin_client.get("/django-admin/axes/").content.decode()
