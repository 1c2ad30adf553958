"""A web process made ready before its first request (core.warm, called by the WSGI modules):
every view imported, the start-up objects frozen out of the garbage collector's walks."""

import gc
import importlib

import pytest
from django.urls import clear_url_caches, get_resolver


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def test_start_up_objects_are_frozen_and_every_view_imported(unfrozen):
    from kyodo.core.warm import ready_for_requests

    clear_url_caches()
    frozen = ready_for_requests()
    assert frozen == gc.get_freeze_count() > 10_000
    # The URL patterns (and with them every view) were read before any request.
    assert "url_patterns" in get_resolver().__dict__


def test_the_wsgi_module_makes_its_process_ready(unfrozen):
    import kyodo.wsgi

    gc.unfreeze()
    importlib.reload(kyodo.wsgi)
    assert gc.get_freeze_count() > 10_000
    assert callable(kyodo.wsgi.application)
