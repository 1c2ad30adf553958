import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_labels():
    """The figures are looked up by their English labels (the report itself is Japanese)."""
    with translation.override("en"):
        yield
