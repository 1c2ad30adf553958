"""Partner registry benchmark: search, matching and list latency for N generated partners.

    .venv/bin/python -m bench.partners --partners 20000
    DATABASE_URL=postgres://... .venv/bin/python -m bench.partners --partners 20000

Runs in a throwaway test database (created and dropped here), never in your data. Prints the
median and 95th percentile of each measured operation in milliseconds.
"""

import argparse
import os
import random
import statistics
import time
import uuid


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyodo.settings")
    import django

    django.setup()


WORDS = {
    "place": ["網走", "潮見", "桂町", "北浜", "呼人", "能取", "駒場", "南郷", "大曲", "鱒浦"],
    "kind": ["町内会", "ボランティアの会", "子育てサークル", "防災会", "愛好会", "協議会"],
    "activity": [
        "高齢者の見守り訪問",
        "冬の除雪ボランティア",
        "子ども食堂の運営",
        "防災訓練と避難所運営",
        "海岸清掃と環境学習",
        "流氷観光の案内",
        "マラソン大会の給水所",
        "外国人住民の日本語教室",
        "防犯パトロール",
        "地域の歴史の語り部",
        "市と協働して経験を活かす",
        "パークゴルフ大会",
    ],
}


def generate(count: int) -> None:
    from simple_history.utils import bulk_create_with_history

    from kyodo.core.search.index import document_from_parts, index_bulk_create
    from kyodo.partners.models import ActivityField, Partner, PartnerType
    from kyodo.partners.search import (
        KIND,
        PUBLIC_KIND,
        body_parts,
        public_body_parts,
        public_from,
        title_parts,
    )

    rng = random.Random(20261129)
    types = list(PartnerType.objects.all())
    fields = list(ActivityField.objects.all())
    through = Partner.fields.through
    for start in range(0, count, 1000):
        partners, links, documents = [], [], []
        for n in range(start, min(start + 1000, count)):
            partner_type = rng.choice(types)
            chosen = rng.sample(fields, 2)
            partner = Partner(
                id=uuid.uuid4(),
                partner_type=partner_type,
                name=f"{rng.choice(WORDS['place'])}{rng.choice(WORDS['kind'])}{n}",
                area_served=rng.choice(WORDS["place"]),
                activity="。".join(rng.sample(WORDS["activity"], 3)),
                listed_publicly=rng.random() < 0.5,
            )
            partners.append(partner)
            links += [through(partner_id=partner.id, activityfield_id=f.id) for f in chosen]
            body = body_parts(partner, partner_type.name, [f.name for f in chosen], [])
            title = title_parts(partner)
            documents.append(document_from_parts(KIND, partner.id, title, body))
            public = public_body_parts(partner, partner_type.name, [f.name for f in chosen])
            documents.append(
                document_from_parts(PUBLIC_KIND, partner.id, title, public, public_from(partner))
            )
        bulk_create_with_history(partners, Partner)
        through.objects.bulk_create(links)
        index_bulk_create(documents)


def timed(function, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def measure(repeat: int) -> list[tuple[str, float, float]]:
    from django.test import Client

    from kyodo.accounts.roles import Role
    from kyodo.accounts.services import user_create
    from kyodo.core.search.index import search
    from kyodo.partners.matching import match_partners
    from kyodo.partners.models import ActivityField, Partner

    staff = user_create(actor=None, username="bench", password=None, roles=[Role.STAFF])
    client = Client()
    client.force_login(staff)
    field = ActivityField.objects.get(name="防災")
    results = []
    for query in ["防災", "協働", "除雪 見守り", "生かす"]:
        results.append(
            (f"search {query}", *timed(lambda q=query: search(Partner.objects.all(), q), repeat))
        )

    def match():
        return match_partners("高齢者の見守りと冬の除雪", field_ids=[field.pk])

    results.append(("match 高齢者の見守りと冬の除雪 + 防災", *timed(match, repeat)))
    for label, params in [
        ("list page 1", {}),
        ("list page 20", {"page": "20"}),
        ("list search 防災", {"q": "防災"}),
        ("list search 防災 + field", {"q": "防災", "field": str(field.pk)}),
    ]:

        def page(params=params):
            assert client.get("/partners/", params, HTTP_HOST="127.0.0.1").status_code == 200

        results.append((label, *timed(page, repeat)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    _setup_django()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        generate(args.partners)
        print(f"{connection.vendor}: {args.partners} partners generated and indexed "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        print(f"{'operation':<40} {'median ms':>10} {'p95 ms':>10}")
        for label, median, p95 in measure(args.repeat):
            print(f"{label:<40} {median:>10.1f} {p95:>10.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
