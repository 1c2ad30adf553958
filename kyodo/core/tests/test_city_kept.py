"""The city's row is read once and kept under the ``site`` version (kyodo/core/city.py): a
page reads it with no query, and any save or delete of the city shows at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.core.city import current_municipality
from kyodo.core.demo import seed as seed_municipality
from kyodo.core.models import Municipality

pytestmark = pytest.mark.django_db


def _city_reads(url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return sum("core_municipality" in q["sql"] for q in captured.captured_queries)


def test_a_page_reads_the_city_once_then_keeps_it():
    seed_municipality()
    url = reverse("portal:accessibility")
    assert _city_reads(url + "?first") == 1
    # Another address (not the kept page): the city comes from the cache.
    assert _city_reads(url + "?second") == 0


def test_a_saved_or_deleted_city_shows_at_once():
    seed_municipality()
    city = current_municipality()
    assert city.name == "網走市"
    city.name = "流氷市"
    city.save()
    assert current_municipality().name == "流氷市"
    assert "流氷市" in Client().get(reverse("portal:accessibility")).content.decode()
    Municipality.objects.all().delete()
    assert current_municipality() is None  # a city not set yet is kept too…
    Municipality.objects.create(name="新しい市", prefecture="北海道", code="012114")
    assert current_municipality().name == "新しい市"  # …until one is saved


def test_nothing_is_kept_when_pages_are_not(settings):
    seed_municipality()
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    current_municipality()
    with CaptureQueriesContext(connection) as captured:
        current_municipality()
    assert len(captured) == 1
