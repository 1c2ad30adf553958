"""Create many public projects and events quickly with bulk_create (and their search
documents), so that the portal's pages can be measured at the issue's size: 20,000 projects and
100,000 events. Every generated row's title starts with BENCH_PREFIX so that `--clear` removes
exactly those and nothing else."""

import random
import time as clock
import uuid
from datetime import time, timedelta
from functools import cache

from django.db import transaction
from django.utils import timezone

BENCH_PREFIX = "（ベンチ）"
PLACES = ["網走市民会館", "網走市エコーセンター2000", "網走市民活動センター", "潮見町内会館"]
# Themes and activities are combined into titles, so that a search word such as 防災 matches a
# realistic share of the rows (about one in ten), not all or none of them.
THEMES = ["防災", "子育て", "環境", "観光", "高齢者", "福祉", "交通", "教育", "健康", "文化"]
ACTIVITIES = ["講座", "見守り", "清掃", "交流会", "調査", "相談会", "体験", "研修"]
AREAS = ["潮見", "駒場", "桂町", "北浜", "卯原内", "呼人", "南町"]


@cache
def _words(text: str) -> str:
    """The search index's words for `text` (the same tokenizer as the services use)."""
    from kyodo.core.search.index import _joined

    return _joined([text])


def clear() -> dict[str, int]:
    from kyodo.core.search.models import SearchDocument
    from kyodo.portal.models import Event
    from kyodo.projects.models import Project

    removed = {}
    for label, model, kind in (
        ("events", Event, "portal.event"),
        ("projects", Project, "projects.project"),
    ):
        ids = model.objects.filter(title__startswith=BENCH_PREFIX).values("pk")
        SearchDocument.objects.filter(kind=kind, object_id__in=ids).delete()
        removed[label], _ = model.objects.filter(title__startswith=BENCH_PREFIX).delete()
    return removed


def _document(kind: str, object_id, title_words: str, body_words: str, public_from=None):
    from kyodo.core.search.models import SearchDocument

    return SearchDocument(
        kind=kind,
        object_id=object_id,
        title=title_words,
        body=body_words,
        public_from=public_from,
    )


def generate(count: int, *, batch: int = 5000, seed: int = 7) -> float:
    """Create `count` published events spread two years around today; returns seconds."""
    from kyodo.core.search.models import SearchDocument
    from kyodo.portal.models import Event

    rng = random.Random(seed)
    today = timezone.localdate()
    started = clock.perf_counter()
    made = 0
    while made < count:
        size = min(batch, count - made)
        events, documents = [], []
        for n in range(made, made + size):
            start = today + timedelta(days=rng.randint(-365, 365))
            hour = rng.randint(9, 18)
            theme, activity = rng.choice(THEMES), rng.choice(ACTIVITIES)
            title = f"{BENCH_PREFIX}{theme}{activity}"
            event = Event(
                id=uuid.uuid4(),
                title=f"{title} 第{n}回",
                title_kana="ベンチイベント",
                start_date=start,
                start_time=time(hour),
                end_date=start + timedelta(days=rng.choice([0, 0, 0, 1])),
                end_time=time(hour + 2),
                place_name=rng.choice(PLACES),
                address="北海道網走市南6条東4丁目",
                organiser="網走市",
                description=f"{theme}について学ぶ{activity}です。負荷試験のために生成しました。",
                publish_on=today - timedelta(days=400),
            )
            events.append(event)
            documents.append(
                _document(
                    "portal.event",
                    event.id,
                    f"{_words(title)} {n}",
                    _words(f"{event.description} {event.place_name} {event.organiser}"),
                    event.publish_on,
                )
            )
        with transaction.atomic():
            # Bulk inserts skip the history table on purpose: these are not edits.
            Event.objects.bulk_create(events, batch_size=batch)
            SearchDocument.objects.bulk_create(documents, batch_size=batch)
        made += size
    return clock.perf_counter() - started


def generate_projects(count: int, *, batch: int = 5000, seed: int = 11) -> float:
    """Create `count` projects (nine in ten public: agreed, running or closed), each with one
    publicly listed partner when there is one; returns seconds."""
    from kyodo.accounts.models import Department
    from kyodo.core.search.models import SearchDocument
    from kyodo.guideline.models import CollaborationForm
    from kyodo.partners.models import Partner
    from kyodo.projects.models import Participation, Project, ProjectStatus

    rng = random.Random(seed)
    departments = list(Department.objects.all())
    if not departments:
        raise SystemExit("no departments: run `manage.py seed_demo` first")
    partners = list(Partner.objects.filter(listed_publicly=True)[:50])
    statuses = [ProjectStatus.RUNNING] * 5 + [ProjectStatus.AGREED, ProjectStatus.CLOSED] * 2
    statuses.append(ProjectStatus.IDEA)
    forms = [choice.value for choice in CollaborationForm]
    year = timezone.localdate().year
    started = clock.perf_counter()
    made = 0
    while made < count:
        size = min(batch, count - made)
        projects, participations, documents = [], [], []
        for n in range(made, made + size):
            theme, activity, area = rng.choice(THEMES), rng.choice(ACTIVITIES), rng.choice(AREAS)
            title = f"{BENCH_PREFIX}{area}地区の{theme}{activity}事業"
            local_issue = f"{area}地区では{theme}の担い手が不足している。"
            purpose = f"市民団体と市が協働して{theme}の{activity}を行う。"
            project = Project(
                id=uuid.uuid4(),
                title=f"{title} {n}",
                local_issue=local_issue,
                purpose=purpose,
                department=rng.choice(departments),
                status=rng.choice(statuses),
                form=rng.choice(forms),
                fiscal_year_from=year - rng.randint(0, 3),
                fiscal_year_to=year + rng.randint(0, 2),
                search_text=f"{title} {n} {local_issue} {purpose}".lower(),
            )
            projects.append(project)
            if partners:
                participations.append(
                    Participation(id=uuid.uuid4(), project=project, partner=rng.choice(partners))
                )
            documents.append(
                _document(
                    "projects.project",
                    project.id,
                    f"{_words(title)} {n}",
                    _words(f"{local_issue} {purpose}"),
                )
            )
        with transaction.atomic():
            Project.objects.bulk_create(projects, batch_size=batch)
            Participation.objects.bulk_create(participations, batch_size=batch)
            SearchDocument.objects.bulk_create(documents, batch_size=batch)
        made += size
    return clock.perf_counter() - started
