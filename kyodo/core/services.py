from django.db import transaction

from kyodo.core.cache_versions import bump
from kyodo.core.models import Municipality
from kyodo.core.normalize import normalize_local_government_code
from kyodo.core.permissions import require_perm


@transaction.atomic
def municipality_configure(
    *,
    actor,
    name: str,
    code: str,
    prefecture: str,
    name_kana: str = "",
    name_en: str = "",
    website: str = "",
    is_demo: bool = False,
) -> Municipality:
    """Create or update the one municipality this installation serves."""
    bump("site")
    require_perm(actor, "core.configure_municipality")
    municipality = Municipality.objects.current() or Municipality()
    municipality.name = name
    municipality.code = normalize_local_government_code(code)
    municipality.prefecture = prefecture
    municipality.name_kana = name_kana
    municipality.name_en = name_en
    municipality.website = website
    municipality.is_demo = is_demo
    municipality.full_clean()
    municipality.save()
    return municipality
