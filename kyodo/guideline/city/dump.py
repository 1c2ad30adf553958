"""`city_dump`: the city as it is in the database, written as a city file.

What a city file loads, this writes back: the municipality, the guideline's text, the charter
and symbols, the newest version of every checklist and the model clauses. Loading the result
changes nothing.
"""

from kyodo.core.models import Municipality
from kyodo.guideline.city import toml
from kyodo.guideline.city.schema import (
    CHARTER,
    CHECKLIST,
    CLAUSE,
    FORMAT,
    GUIDELINE,
    MUNICIPALITY,
    QUESTION,
    SYMBOL,
)
from kyodo.guideline.models import ChecklistKind, ChecklistVersion, GuidelineText, ModelClause
from kyodo.guideline.selectors import checklists_with_current_versions

HEADER = """\
# Kyodo city file, format 1 (docs/city-file.md): the city, its guideline and checklists.
# Load with `manage.py city_load FILE`; written by `manage.py city_dump`.
"""


def city_data() -> dict:
    """The city's data in the shape `schema.read_city` returns."""
    city = Municipality.objects.current() or Municipality()
    text = GuidelineText.objects.order_by("created_at").first() or GuidelineText()
    newest = ChecklistVersion.objects.order_by("-created_at").first()
    checklists = []
    for checklist in checklists_with_current_versions():
        version = checklist.current
        is_form = checklist.kind == ChecklistKind.FORM
        checklists.append(
            {
                "key": checklist.key,
                "form": checklist.key.removeprefix("form-") if is_form else "",
                "kind": checklist.kind,
                "title": checklist.title,
                "section": checklist.section,
                "description": checklist.description,
                "questions": [
                    {
                        "key": q.key,
                        "group": q.group,
                        "text": q.text,
                        "help": q.help_text,
                        "favours": q.favours,
                    }
                    for q in (version.questions.all() if version else [])
                ],
            }
        )
    return {
        "format": FORMAT,
        "municipality": {key: getattr(city, key) for key in MUNICIPALITY},
        "guideline": {
            "title": text.title,
            "issued": text.issued,
            "issuer": text.issuer,
            "revision": newest.note if newest else "",
            "text": text.body,
        },
        "charter": {
            "title": city.charter_title,
            "enacted": (city.charter or {}).get("enacted", ""),
            "articles": list((city.charter or {}).get("articles", [])),
        },
        "symbols": [{"title": s["title"], "text": s["text"]} for s in city.symbols or []],
        "checklists": checklists,
        "model_clauses": [
            {"form": c.form, "key": c.key, "title": c.title, "text": c.text}
            for c in ModelClause.objects.order_by("order")
        ],
    }


def to_text(data: dict) -> str:
    """A city file's text for `data` (the shape `read_city` returns)."""
    parts = [HEADER, f"format = {data['format']}\n"]
    parts.append(toml.table("municipality", data["municipality"], MUNICIPALITY))
    parts.append(toml.table("guideline", data["guideline"], GUIDELINE))
    parts.append(toml.table("charter", data["charter"], CHARTER))
    parts += [toml.table("symbols", s, SYMBOL, array=True) for s in data["symbols"]]
    for checklist in data["checklists"]:
        keys = [k for k in CHECKLIST if k != "questions"]
        if checklist["kind"] == ChecklistKind.FORM:
            keys.remove("key")
        else:
            keys.remove("form")
        parts.append(toml.table("checklists", checklist, keys, array=True))
        parts += [
            toml.table("checklists.questions", _without_empty(q), QUESTION, array=True)
            for q in checklist["questions"]
        ]
    parts += [toml.table("model_clauses", c, CLAUSE, array=True) for c in data["model_clauses"]]
    return "\n".join(parts)


def _without_empty(question: dict) -> dict:
    # Questions are many: their optional keys are written only when set, to keep files short.
    return {k: v for k, v in question.items() if v or k in ("key", "text")}


def city_dump() -> str:
    return to_text(city_data())
