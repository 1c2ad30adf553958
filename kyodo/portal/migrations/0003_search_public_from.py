"""Fill the search documents' public rule (search 0003's `public_from`) for events and news."""

from django.db import migrations

FILL = (
    "UPDATE search_searchdocument SET public_from = ("
    "SELECT item.publish_on FROM {table} item "
    "WHERE item.id = search_searchdocument.object_id AND item.withdrawn_at IS NULL"
    ") WHERE kind = %s"
)


def fill(apps, schema_editor):
    for table, kind in (("portal_event", "portal.event"), ("portal_news", "portal.news")):
        schema_editor.execute(FILL.format(table=table), [kind])


class Migration(migrations.Migration):

    dependencies = [("portal", "0002_item_lock_version"), ("search", "0003_kind_in_index_public_from")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
