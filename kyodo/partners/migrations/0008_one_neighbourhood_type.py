"""One partner type for neighbourhood associations: earlier sample data added 「町内会・自治会」
beside the seeded 「町内会」, so the type list offered both. Its partners move to 「町内会」."""

from django.db import migrations

KEPT, MERGED = "町内会", "町内会・自治会"


def merge(apps, schema_editor):
    PartnerType = apps.get_model("partners", "PartnerType")
    Partner = apps.get_model("partners", "Partner")
    kept = PartnerType.objects.filter(name=KEPT).first()
    merged = PartnerType.objects.filter(name=MERGED).first()
    if kept is None or merged is None:
        return
    Partner.objects.filter(partner_type=merged).update(partner_type=kept)
    merged.delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0007_search_public_from")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
