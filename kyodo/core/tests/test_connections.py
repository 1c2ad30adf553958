"""Persistent database connections (issue 19): CONN_MAX_AGE from the environment.

(A settings test; it lives here for the speed work's ownership and may move to core's tests.)
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
POSTGRES = "postgres://postgres@127.0.0.1:5432/kyodo_settings_only"
SQLITE = "sqlite:////tmp/kyodo-settings-only.sqlite3"
PRINT = (
    "import json; from django.conf import settings; d = settings.DATABASES['default']; "
    "print(json.dumps([d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS']]))"
)


def database_settings(database_url, **environ):
    """CONN_MAX_AGE and CONN_HEALTH_CHECKS as settings.py reads them in a fresh process."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CONN_MAX_AGE")}
    clean.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="kyodo.settings", **environ)
    code = f"import django; django.setup(); {PRINT}"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("url", "default"), [(POSTGRES, 60), (SQLITE, 60)])
def test_connections_are_kept_by_default_on_both_databases(url, default):
    assert database_settings(url) == [default, True]


@pytest.mark.parametrize("url", [POSTGRES, SQLITE])
def test_conn_max_age_is_read_from_the_environment(url):
    assert database_settings(url, CONN_MAX_AGE="600") == [600, True]
    assert database_settings(url, CONN_MAX_AGE="0") == [0, True]


def test_a_malformed_conn_max_age_stops_start_up():
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    clean.update(DATABASE_URL=SQLITE, CONN_MAX_AGE="forever")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "CONN_MAX_AGE must be a whole number" in result.stderr


def test_the_running_database_checks_its_kept_connection():
    # Whichever database the suite runs on (CI runs both), a kept connection is health-checked.
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    if "CONN_MAX_AGE" not in os.environ:
        assert connection.settings_dict["CONN_MAX_AGE"] == 60
