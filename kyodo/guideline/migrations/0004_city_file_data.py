"""What the sample city's file adds to the checklists of 0002: the questions' keys and which
answer speaks for collaboration, the guideline's text, and the model clauses.

Keys and favours are set on the version-1 questions only where the question is still the
file's word for word (a database whose coordinator has revised a checklist keeps its versions
as they are). The municipality itself is not created here: `make run` (seed_demo) or
`manage.py city_load` names the city.
"""

from django.db import migrations

from kyodo.guideline.migrations import _city_file


def load(apps, schema_editor):
    module = _city_file.migration_0002()
    city = module.city_file()
    Question = apps.get_model("guideline", "Question")
    GuidelineText = apps.get_model("guideline", "GuidelineText")
    ModelClause = apps.get_model("guideline", "ModelClause")
    for data in module.checklists(city):
        for order, question in enumerate(data["questions"], start=1):
            Question.objects.filter(
                version__checklist__key=data["key"],
                version__number=1,
                order=order,
                text=question["text"].strip("\n"),
                key="",
            ).update(key=question["key"], favours=question.get("favours", ""))
    guideline = city["guideline"]
    if not GuidelineText.objects.exists():
        GuidelineText.objects.create(
            title=guideline["title"],
            issued=guideline.get("issued", ""),
            issuer=guideline.get("issuer", ""),
            body=guideline["text"].strip("\n"),
        )
    if not ModelClause.objects.exists():
        for order, clause in enumerate(city.get("model_clauses", []), start=1):
            ModelClause.objects.create(
                form=clause["form"],
                key=clause["key"],
                title=clause["title"],
                text=clause["text"].strip("\n"),
                order=order,
            )


class Migration(migrations.Migration):
    dependencies = [("guideline", "0003_city_file")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
