"""A cycle's 年度 comes from its dates: earlier versions took it as typed, and the next cycle
added one to the previous cycle's year whatever its dates (令和8年11月 labelled 令和9年度)."""

from django.db import migrations


def fiscal_year_from_dates(apps, schema_editor):
    Cycle = apps.get_model("cycles", "Cycle")
    for cycle in Cycle.objects.only("pk", "period_start", "fiscal_year").iterator():
        start = cycle.period_start
        year = start.year if start.month >= 4 else start.year - 1
        if cycle.fiscal_year != year:
            Cycle.objects.filter(pk=cycle.pk).update(fiscal_year=year)


class Migration(migrations.Migration):
    dependencies = [("cycles", "0003_incident_lock_version")]

    operations = [migrations.RunPython(fiscal_year_from_dates, migrations.RunPython.noop)]
