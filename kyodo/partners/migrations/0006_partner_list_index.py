"""The staff partner list's order, (name_kana, name), walked in an index instead of sorting
every partner on each page (issue 19); the key breaks ties so that pages are stable.

Created with SQL that both SQLite and PostgreSQL understand. The index is not declared in
Partner.Meta (not this change's file); declaring it there later takes an AddIndex of the same
name wrapped in SeparateDatabaseAndState (state only), not a second index.
"""

from django.db import migrations

INDEX = "partners_partner_kana_name"


class Migration(migrations.Migration):
    dependencies = [("partners", "0005_partner_lock_version")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON partners_partner (name_kana, name, id)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
