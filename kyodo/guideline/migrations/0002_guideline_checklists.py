"""The guideline's checklists, version 1, from the sample city's file (kyodo/guideline/cities/
abashiri.toml), which holds the sample city's guideline (平成29年2月) word for word.

Read with tomllib, not with the app's loader, so that this migration does what it always did
whatever the app code becomes: each checklist with its questions, as version 1. (Before the
city file existed the same data were written out here; the file holds the same text.) Keys,
favours, the guideline's text and the model clauses came later: migration 0004.
"""

import tomllib
from pathlib import Path

from django.db import migrations

CITY_FILE = Path(__file__).resolve().parent.parent / "cities" / "abashiri.toml"


def city_file() -> dict:
    return tomllib.loads(CITY_FILE.read_text(encoding="utf-8"))


def checklists(city: dict) -> list[dict]:
    """The checklists of the file, a form's key made from its form as the loader does."""
    result = []
    for data in city["checklists"]:
        key = f"form-{data['form']}" if data["kind"] == "form" else data["key"]
        result.append({**data, "key": key})
    return result


def load(apps, schema_editor):
    Checklist = apps.get_model("guideline", "Checklist")
    ChecklistVersion = apps.get_model("guideline", "ChecklistVersion")
    Question = apps.get_model("guideline", "Question")
    for order, data in enumerate(checklists(city_file()), start=1):
        checklist, created = Checklist.objects.get_or_create(
            key=data["key"],
            defaults={
                "kind": data["kind"],
                "title": data["title"],
                "section": data.get("section", ""),
                "description": data.get("description", "").strip("\n"),
                "sort_order": order * 10,
            },
        )
        if not created:
            continue
        version = ChecklistVersion.objects.create(
            checklist=checklist, number=1, note="指針（平成29年2月）より"
        )
        for index, question in enumerate(data["questions"], start=1):
            Question.objects.create(
                version=version,
                order=index,
                group=question.get("group", ""),
                text=question["text"].strip("\n"),
                help_text=question.get("help", ""),
            )


class Migration(migrations.Migration):
    dependencies = [("guideline", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
