import pytest
from django.core.management import CommandError, call_command

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.core.models import Municipality


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True


def test_seed_demo_loads_the_city_departments_and_one_account_per_role(db, debug_on):
    call_command("seed_demo")
    city = Municipality.objects.get()
    assert (city.name, city.code, city.is_demo) == ("網走市", "012114", True)
    assert Department.objects.count() >= 3
    users = {u.username: u for u in User.objects.prefetch_related("groups")}
    expected = {
        "admin": Role.ADMINISTRATOR,
        "coordinator": Role.COORDINATOR,
        "staff": Role.STAFF,
        "staff2": Role.STAFF,
        "partner": Role.PARTNER_MEMBER,
        "evaluator": Role.EVALUATOR,
    }
    for username, role in expected.items():
        assert users[username].has_role(role)
        assert users[username].check_password("kyodo-demo")
        assert "サンプル" in users[username].display_name
    assert users["staff"].department != users["staff2"].department


def test_seed_demo_is_idempotent(db, debug_on):
    call_command("seed_demo")
    count = User.objects.count()
    call_command("seed_demo")
    assert User.objects.count() == count
    assert Municipality.objects.count() == 1


def test_seed_demo_if_empty_leaves_an_existing_database_alone(db, debug_on, staff_a, capsys):
    call_command("seed_demo", "--if-empty")
    assert not User.objects.filter(username="admin").exists()


def test_seed_demo_refuses_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()
