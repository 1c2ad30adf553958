from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from kyodo.core.management.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with a backup made by `backup`, after "
        "checking every checksum; the row counts are checked afterwards. Stop the web server "
        "and the task worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The directory `backup` created.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, backup, interactive=True, database=DEFAULT_DB_ALIAS, **options):
        if interactive:
            answer = input(
                "This replaces every record and uploaded file with the backup. Type 'yes': "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        manifest = restore_backup(backup, connections[database])
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables and {len(manifest['files'])} files "
            f"from {backup} (made {manifest['created_at']})"
        )
