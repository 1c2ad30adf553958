"""Backup and restore (issue 12.10): back up, wipe, restore, and find every row and file again.

Runs on the database of the run: SQLite (online backup API) normally, PostgreSQL (pg_dump and
pg_restore) when DATABASE_URL is postgres. Fails on the code before it: there was no backup.
"""

import json
import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from kyodo.core.management.backups import sha256, storage_roots

# Transactional (a backup reads what is committed). serialized_rollback: the flush after the
# test then leaves no rows of its own behind, and the next such test restores the data
# migrations' rows (without it, the flush re-creates content types under new ids and the next
# serialized test fails on their unique names).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def every_row() -> dict[str, list[str]]:
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for name in connection.introspection.table_names(cursor, include_views=False):
            cursor.execute(f"SELECT * FROM {quote(name)}")
            rows[name] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def every_file() -> dict[str, str]:
    return {
        f"{alias}/{path.relative_to(root).as_posix()}": sha256(path)
        for alias, root in storage_roots().items()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def site(settings, tmp_path):
    from kyodo.core.demo import seed_all

    settings.MEDIA_ROOT = str(tmp_path / "media")
    seed_all()
    default_storage.save("partners/規約.pdf", ContentFile(b"%PDF-1.4\n" + bytes(range(256))))
    default_storage.save("calls/x/y/申請書.docx", ContentFile(b"PK\x03\x04" + b"\x00" * 500))
    return tmp_path


def test_backup_wipe_restore_gives_every_row_and_file_back(site):
    rows, files = every_row(), every_file()
    assert sum(len(r) for r in rows.values()) > 100 and len(files) >= 2

    call_command("backup", output=site / "backup")
    manifest = json.loads((site / "backup" / "manifest.json").read_text())
    assert manifest["tables"]["partners_partner"] == len(rows["partners_partner"])
    assert set(manifest["files"]) == {f"files/{name}" for name in files}

    call_command("flush", interactive=False)
    for root in storage_roots().values():
        shutil.rmtree(root)
    assert every_row() != rows and every_file() == {}

    call_command("restore", site / "backup", interactive=False)
    assert every_row() == rows
    assert every_file() == files


def test_a_damaged_backup_is_refused_before_anything_changes(site):
    call_command("backup", output=site / "backup")
    manifest = json.loads((site / "backup" / "manifest.json").read_text())
    damaged = site / "backup" / next(iter(manifest["files"]))
    damaged.write_bytes(b"changed")
    rows = every_row()
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", site / "backup", interactive=False)
    assert every_row() == rows
