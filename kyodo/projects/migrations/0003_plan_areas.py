"""The areas of 地域協働 in the comprehensive plan (指針 §1: 男女共同参画, コミュニティ・市民活動,
広聴・広報、市民参加), plus その他; a coordinator may add more in the admin."""

from django.db import migrations

AREAS = ["男女共同参画", "コミュニティ・市民活動", "広聴・広報、市民参加", "その他"]


def load(apps, schema_editor):
    PlanArea = apps.get_model("projects", "PlanArea")
    for order, name in enumerate(AREAS, start=1):
        PlanArea.objects.get_or_create(name=name, defaults={"sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_workspace")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
