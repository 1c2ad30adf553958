"""Kyodo's settings plus one trivial view, to compare the portal's pages against."""

from kyodo.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
