"""The data versions are shared by every process (kyodo/core/version_files.py).

`make run` serves pages from one process and runs background tasks in another; each has its own
memory cache for pages. A version bumped in the task worker must make the web server's kept
pages miss at once. Fails on the code before it, where the versions lived in each process's
memory cache: the page of the first test stayed as it was until it expired (10 minutes).

On CI's Redis stage the versions are in Redis (shared as well); these tests then check that.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from kyodo.core import cache_versions, records_version
from kyodo.core.demo import seed as seed_municipality
from kyodo.core.version_files import VersionFiles
from kyodo.portal.tests.factories import EventFactory

ROOT = Path(settings.BASE_DIR)
BUMP = """
import sys, django; django.setup()
from kyodo.core import cache_versions
cache_versions.bump(*sys.argv[1:])
"""


@pytest.fixture
def shared_dir(settings, tmp_path):
    """The versions in a directory of this test's own, unless CI runs the suite on Redis."""
    if settings.REDIS_URL:
        return {}
    settings.CACHES = {
        **settings.CACHES,
        "versions": {"BACKEND": "kyodo.core.version_files.VersionFiles",
                     "LOCATION": str(tmp_path / "versions")},
    }  # fmt: skip
    return {"VERSIONS_CACHE_DIR": str(tmp_path / "versions")}


def _bump_in_another_process(extra_env, *kinds):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kyodo.settings", **extra_env}
    subprocess.run([sys.executable, "-c", BUMP, *kinds], cwd=ROOT, env=env, check=True,
                   capture_output=True, text=True, timeout=60)  # fmt: skip


@pytest.mark.django_db
def test_a_bump_in_another_process_makes_this_process_pages_miss(shared_dir):
    seed_municipality()
    client = Client()
    url = reverse("portal:event_list")
    EventFactory(title="流氷ウォーク")
    assert "流氷ウォーク" in client.get(url).content.decode()
    # A task (another process) adds an event and bumps the events' version.
    EventFactory(title="オホーツク夏まつり")
    assert "オホーツク夏まつり" not in client.get(url).content.decode()  # still the kept page
    _bump_in_another_process(shared_dir, "events")
    assert "オホーツク夏まつり" in client.get(url).content.decode()


@pytest.mark.django_db
def test_other_kinds_keep_their_version(shared_dir):
    before = cache_versions.versions(["events", "news"])
    records_before = records_version.current()
    _bump_in_another_process(shared_dir, "events")
    after = cache_versions.versions(["events", "news"])
    assert after[0] != before[0]
    assert after[1] == before[1]
    assert records_version.current() == records_before


def test_the_backend_keeps_short_strings_until_replaced(tmp_path):
    store = VersionFiles(str(tmp_path / "new"), {})
    assert store.get("kyodo:version:events") is None
    assert store.add("kyodo:version:events", "a" * 32) is True  # makes the directory
    assert store.add("kyodo:version:events", "b" * 32) is False  # another process's stays
    assert store.get("kyodo:version:events") == "a" * 32
    store.set("kyodo:version:events", "short")  # a shorter value leaves no tail behind
    assert store.get("kyodo:version:events") == "short"
    store.set_many({"kyodo:version:news": "n1", "kyodo:version:calls": "c1"}, timeout=None)
    assert store.get_many(["kyodo:version:news", "kyodo:version:calls", "missing"]) == {
        "kyodo:version:news": "n1",
        "kyodo:version:calls": "c1",
    }
    assert store.has_key("kyodo:version:news")
    assert store.delete("kyodo:version:news") is True
    assert store.delete("kyodo:version:news") is False
    store.clear()
    assert store.get_many(["kyodo:version:events", "kyodo:version:calls"]) == {}
    with pytest.raises(TypeError):
        store.set("kyodo:version:events", 42)
    with pytest.raises(TypeError):
        store.set("kyodo:version:events", "x" * 1000)


def test_a_file_being_added_reads_as_missing(tmp_path):
    store = VersionFiles(str(tmp_path), {})
    path = tmp_path / store.make_key("kyodo:version:events").replace(":", "%3A")
    path.write_bytes(b"")  # created by `add` in another process, not yet written
    assert store.get("kyodo:version:events", "mine") == "mine"
