from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections

from kyodo.core.management.backups import write_backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite: online backup API; PostgreSQL: pg_dump custom format) "
        "and every uploaded file into a new directory with a manifest of row counts and "
        "sha256 checksums. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The directory to create (default: var/backups/kyodo-<date and time>).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output=None, database=DEFAULT_DB_ALIAS, **options):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = output or Path(settings.BASE_DIR) / "var" / "backups" / f"kyodo-{stamp}"
        manifest = write_backup(target, connections[database])
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Backed up {len(manifest['tables'])} tables ({rows} rows) and "
            f"{len(manifest['files'])} files to {target}"
        )
