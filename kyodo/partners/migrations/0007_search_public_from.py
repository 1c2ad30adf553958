"""Fill the public search documents' rule (search 0003's `public_from`): listed partners."""

from django.db import migrations

FILL = (
    "UPDATE search_searchdocument SET public_from = %s WHERE kind = %s AND object_id IN "
    "(SELECT id FROM partners_partner WHERE listed_publicly)"
)


def fill(apps, schema_editor):
    schema_editor.execute(FILL, ["0001-01-01", "partners.partner.public"])


class Migration(migrations.Migration):

    dependencies = [
        ("partners", "0006_partner_list_index"),
        ("search", "0003_kind_in_index_public_from"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
