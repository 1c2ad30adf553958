"""Sample data for demonstrations and development (`manage.py seed_demo`).

Every Kyodo app with sample records has a `demo.py` with an idempotent `seed()`; they run in
INSTALLED_APPS order (so partners exist before the projects that name them). Running the
command twice changes nothing.
"""

from kyodo.core.plugins import app_submodules
from kyodo.core.services import municipality_configure

DEMO_PASSWORD = "kyodo-demo"


def seed() -> None:
    municipality_configure(
        actor=None,
        name="網走市",
        name_kana="アバシリシ",
        name_en="Abashiri City",
        prefecture="北海道",
        code="012114",
        website="https://www.city.abashiri.hokkaido.jp/",
        is_demo=True,
    )


def seed_all() -> None:
    for module in app_submodules("demo"):
        module.seed()
