import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kyodo.core import env

ROOT = Path(__file__).resolve().parents[3]


def test_env_bool(monkeypatch):
    monkeypatch.setenv("KYODO_FLAG", "yes")
    assert env.env_bool("KYODO_FLAG", False) is True
    monkeypatch.setenv("KYODO_FLAG", "0")
    assert env.env_bool("KYODO_FLAG", True) is False
    monkeypatch.delenv("KYODO_FLAG")
    assert env.env_bool("KYODO_FLAG", True) is True


def test_env_bool_fails_fast_on_nonsense(monkeypatch):
    monkeypatch.setenv("KYODO_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="KYODO_FLAG"):
        env.env_bool("KYODO_FLAG", False)


def test_env_int(monkeypatch):
    monkeypatch.setenv("KYODO_NUMBER", " 42 ")
    assert env.env_int("KYODO_NUMBER", 1) == 42
    monkeypatch.setenv("KYODO_NUMBER", "forty")
    with pytest.raises(ImproperlyConfigured, match="KYODO_NUMBER"):
        env.env_int("KYODO_NUMBER", 1)


def test_env_list_and_str(monkeypatch):
    monkeypatch.setenv("KYODO_HOSTS", "a.example.jp, b.example.jp,,")
    assert env.env_list("KYODO_HOSTS", []) == ["a.example.jp", "b.example.jp"]
    monkeypatch.setenv("KYODO_TEXT", "  ")
    assert env.env_str("KYODO_TEXT", "default") == "default"
    with pytest.raises(ImproperlyConfigured):
        env.env_str("KYODO_TEXT", required=True)


# The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process; a deployment never would.
ENV_UNDER_TEST = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def manage(*args, **environ):
    """Run manage.py in a fresh process with only the given settings in the environment."""
    clean = {k: v for k, v in os.environ.items() if k not in ENV_UNDER_TEST}
    clean.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "kyodo.city.abashiri.example",
}


def test_production_mode_refuses_to_start_without_a_secret():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="kyodo.example.jp")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_mode_refuses_to_start_without_allowed_hosts():
    result = manage("check", DEBUG="0", SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_deploy_check_reports_nothing_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_malformed_setting_stops_start_up():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr
