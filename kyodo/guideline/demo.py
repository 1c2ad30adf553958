"""The sample city (Abashiri) for demonstrations and `make run`: its city file loaded whole,
e.g. after `manage.py flush` or in browser tests, whose database is emptied between tests and
so loses what the data migrations loaded."""

from pathlib import Path

from kyodo.guideline.services_city import city_load

SAMPLE_CITY = Path(__file__).parent / "cities" / "abashiri.toml"


def seed() -> None:
    # Idempotent: an unchanged file makes no new version and changes no row.
    city_load(actor=None, raw=SAMPLE_CITY.read_bytes())
