"""The two city files the tests load, and small edits of them."""

from pathlib import Path

from kyodo.guideline.services_city import city_load

CITIES = Path(__file__).resolve().parent.parent / "cities"
ABASHIRI = (CITIES / "abashiri.toml").read_text(encoding="utf-8")
EXAMPLE = (CITIES / "example-minato.toml").read_text(encoding="utf-8")


def load(text: str):
    return city_load(actor=None, raw=text.encode("utf-8"))


def line_with(text: str, fragment: str) -> int:
    """The line number (from 1) of the first line containing `fragment`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)
