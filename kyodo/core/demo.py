"""Sample data for demonstrations and development (`manage.py seed_demo`).

Each app with sample records adds the dotted path of its seeding function to SEEDERS; every
seeder is idempotent, so running the command twice changes nothing.
"""

from django.utils.module_loading import import_string

from kyodo.core.services import municipality_configure

DEMO_PASSWORD = "kyodo-demo"

SEEDERS = [
    "kyodo.core.demo.seed_municipality",
    "kyodo.accounts.demo.seed",
]


def seed_municipality() -> None:
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
    for dotted_path in SEEDERS:
        import_string(dotted_path)()
