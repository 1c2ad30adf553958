import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.core.models import Municipality
from kyodo.core.services import municipality_configure

CITY = {"name": "網走市", "code": "０１２１１４", "prefecture": "北海道"}


def test_system_configures_the_municipality_and_history_records_it(db):
    municipality = municipality_configure(actor=None, **CITY)
    assert municipality.code == "012114"
    municipality_configure(actor=None, **{**CITY, "name_en": "Abashiri City"})
    assert Municipality.objects.count() == 1
    assert Municipality.objects.get().history.count() == 2


def test_only_an_administrator_may_configure(db, administrator, coordinator, staff_a, outsider):
    municipality_configure(actor=administrator, **CITY)
    for actor in (coordinator, staff_a, outsider):
        with pytest.raises(PermissionDenied):
            municipality_configure(actor=actor, **CITY)


def test_a_wrong_code_is_refused(db):
    with pytest.raises(ValidationError):
        municipality_configure(actor=None, **{**CITY, "code": "012115"})
