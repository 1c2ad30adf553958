"""Loading a city file: the municipality, its guideline and checklists, in one transaction.

`city_load(actor=None, raw=bytes)` checks the whole file first (`city.schema.read_city`) and
writes nothing if anything is wrong. Loading is idempotent: a checklist whose questions are
unchanged keeps its version; a changed one gets a new version (the answers given stay with
the version they answered); checklists the file does not name are left as they are.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from kyodo.core.cache_versions import bump
from kyodo.core.models import Municipality
from kyodo.core.permissions import require_perm
from kyodo.guideline.city.locate import line_of, locate
from kyodo.guideline.city.schema import MUNICIPALITY, CityFileError, Problem, read_city
from kyodo.guideline.models import Checklist, ChecklistVersion, GuidelineText, ModelClause, Question

DEFAULT_NOTE = "city file"


@dataclass
class LoadReport:
    city: str = ""
    new_versions: list[str] = field(default_factory=list)  # "key vN"
    unchanged: list[str] = field(default_factory=list)
    not_in_file: list[str] = field(default_factory=list)
    clauses: int = 0


def _question_rows(questions) -> list[tuple]:
    return [(q["key"], q["group"], q["text"], q["help"], q["favours"]) for q in questions]


def _current_rows(checklist: Checklist) -> list[tuple] | None:
    version = checklist.versions.order_by("-number").first()
    if version is None:
        return None
    return [
        (q.key, q.group, q.text, q.help_text, q.favours)
        for q in version.questions.order_by("order")
    ]


def _save_changed(obj, values: dict, path: tuple) -> None:
    """Save only when something differs, so that reloading adds no history rows.

    A value the schema let through but the model refuses (too long, say) is reported as a
    problem of the file at `path`; the transaction then leaves everything as it was.
    """
    changed = [key for key, value in values.items() if getattr(obj, key) != value]
    for key in changed:
        setattr(obj, key, values[key])
    if changed or obj._state.adding:
        try:
            obj.full_clean(validate_unique=False)
        except ValidationError as error:
            raise _Refused(path, error) from error
        obj.save()


class _Refused(Exception):
    def __init__(self, path: tuple, error: ValidationError):
        self.path = path
        self.error = error


def _load_municipality(data: dict) -> Municipality:
    city = Municipality.objects.current() or Municipality()
    values = {key: data["municipality"][key] for key in MUNICIPALITY}
    values["guideline_name"] = data["guideline"]["title"]
    values["charter_title"] = data["charter"]["title"]
    values["charter"] = {
        "enacted": data["charter"]["enacted"],
        "articles": data["charter"]["articles"],
    }
    values["symbols"] = data["symbols"]
    _save_changed(city, values, ("municipality",))
    return city


def _load_checklist(index: int, data: dict, note: str, actor, report: LoadReport) -> None:
    checklist = Checklist.objects.select_for_update().filter(key=data["key"]).first()
    checklist = checklist or Checklist(key=data["key"])
    _save_changed(
        checklist,
        {
            "kind": data["kind"],
            "title": data["title"],
            "section": data["section"],
            "description": data["description"],
            "sort_order": (index + 1) * 10,
        },
        ("checklists", index),
    )
    wanted = _question_rows(data["questions"])
    if _current_rows(checklist) == wanted:
        report.unchanged.append(checklist.key)
        return
    last = checklist.versions.aggregate(last=Max("number"))["last"] or 0
    version = ChecklistVersion.objects.create(
        checklist=checklist,
        number=last + 1,
        note=note,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    for order, (key, group, text, help_text, favours) in enumerate(wanted, start=1):
        Question.objects.create(
            version=version,
            order=order,
            key=key,
            group=group,
            text=text,
            help_text=help_text,
            favours=favours,
        )
    report.new_versions.append(f"{checklist.key} v{version.number}")


def _load_clauses(clauses: list[dict]) -> None:
    kept = set()
    for order, data in enumerate(clauses, start=1):
        clause = ModelClause.objects.filter(form=data["form"], key=data["key"]).first()
        clause = clause or ModelClause(form=data["form"], key=data["key"])
        _save_changed(
            clause,
            {"title": data["title"], "text": data["text"], "order": order},
            ("model_clauses", order - 1),
        )
        kept.add(clause.pk)
    # Deleted one by one so that each leaves its last text in the history.
    for clause in ModelClause.objects.exclude(pk__in=kept):
        clause.delete()


def city_load(*, actor, raw: bytes) -> LoadReport:
    """Load the city file `raw` (its bytes); raises `CityFileError` and writes nothing if bad."""
    require_perm(actor, "guideline.load_city")
    data = read_city(raw)
    try:
        with transaction.atomic():
            return _load(data, actor)
    except _Refused as refused:
        lines = locate(raw.decode("utf-8-sig"))
        problems = []
        for field_name, messages in refused.error.message_dict.items():
            path = (*refused.path, field_name)
            problems.append(
                Problem(
                    path,
                    line_of(lines, path),
                    "値が受け付けられません: " + " ".join(messages),
                    "value refused: " + " ".join(messages),
                )
            )
        raise CityFileError(problems) from refused


def _load(data: dict, actor) -> LoadReport:
    report = LoadReport()
    city = _load_municipality(data)
    report.city = f"{city.name} ({city.code})"
    guideline = data["guideline"]
    text = GuidelineText.objects.order_by("created_at").first() or GuidelineText()
    _save_changed(
        text,
        {
            "title": guideline["title"],
            "issued": guideline["issued"],
            "issuer": guideline["issuer"],
            "body": guideline["text"],
        },
        ("guideline",),
    )
    note = guideline["revision"] or DEFAULT_NOTE
    for index, checklist in enumerate(data["checklists"]):
        _load_checklist(index, checklist, note, actor, report)
    named = {c["key"] for c in data["checklists"]}
    report.not_in_file = list(
        Checklist.objects.exclude(key__in=named).values_list("key", flat=True)
    )
    _load_clauses(data["model_clauses"])
    report.clauses = len(data["model_clauses"])
    # Every public page names the city or shows its guideline.
    bump("site")
    return report
