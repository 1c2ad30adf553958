"""Backup and restore of the database and the uploaded files (`manage.py backup`, `restore`).

A backup is a directory:

    database.sqlite3 | database.dump   SQLite: a copy made with the online backup API, consistent
                                       while the site runs; PostgreSQL: `pg_dump --format=custom`
    files/<storage>/...                every file of each file-system storage (uploads)
    manifest.json                      engine, per-table row counts, the sha256 of every file

Restoring checks every checksum first and the row counts after; it replaces the database and
the files entirely. `dumpdata`/`loaddata` are not used: they do not round-trip this schema
(the guideline's data migration already holds the checklists, UNIQUE on their key).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db import connections

MANIFEST = "manifest.json"
FORMAT = 1


def _engine(connection) -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def storage_roots() -> dict[str, Path]:
    """The directory of every file-system storage that holds uploads (static files excluded)."""
    roots = {}
    for alias in settings.STORAGES:
        if alias == "staticfiles":
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            roots[alias] = Path(storage.location)
    return roots


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_counts(connection) -> dict[str, int]:
    """The number of rows of every table (views and SQLite's own tables left out)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return _sqlite_counts(connection.connection)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor, include_views=False))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")
            counts[name] = cursor.fetchone()[0]
    return counts


def _sqlite_counts(database: sqlite3.Connection) -> dict[str, int]:
    names = database.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    counts = {}
    for (name,) in sorted(names.fetchall()):
        quoted = name.replace('"', '""')
        counts[name] = database.execute(f'SELECT COUNT(*) FROM "{quoted}"').fetchone()[0]
    return counts


def _pg_env(connection) -> dict[str, str]:
    params = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", params.get("HOST")),
        ("PGPORT", str(params.get("PORT") or "")),
        ("PGUSER", params.get("USER")),
        ("PGPASSWORD", params.get("PASSWORD")),
        ("PGDATABASE", params["NAME"]),
    ):
        if value:
            env[key] = value
    return env


def _run(command: list[str], env: dict) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise CommandError(f"{command[0]} is not installed (PostgreSQL client tools).") from exc
    except subprocess.CalledProcessError as exc:
        raise CommandError(f"{command[0]} failed: {exc.stderr.strip()}") from exc


def dump_database(connection, target: Path) -> str:
    if _engine(connection) == "sqlite":
        connection.ensure_connection()
        name = "database.sqlite3"
        copy = sqlite3.connect(target / name)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return name
    name = "database.dump"
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / name)],
        _pg_env(connection),
    )
    return name


def load_database(connection, source: Path) -> None:
    if _engine(connection) == "sqlite":
        connection.ensure_connection()
        backup = sqlite3.connect(source)
        try:
            backup.backup(connection.connection)
        finally:
            backup.close()
        return
    connections.close_all()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
            str(source),
        ],
        _pg_env(connection),
    )


def _files_of(root: Path):
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                yield path


def copy_files(roots: dict[str, Path], target: Path) -> dict[str, str]:
    checksums = {}
    for alias, root in roots.items():
        for path in _files_of(root):
            relative = Path("files") / alias / path.relative_to(root)
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / relative)
            checksums[relative.as_posix()] = sha256(target / relative)
    return checksums


def write_backup(target: Path, connection) -> dict:
    """Back up the database and the files into the new directory `target`."""
    target.mkdir(parents=True, exist_ok=False)
    counts = table_counts(connection)  # PostgreSQL: just before pg_dump's own snapshot
    database = dump_database(connection, target)
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(target / database)
        try:
            counts = _sqlite_counts(copy)  # exactly what the copy holds
        finally:
            copy.close()
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": connection.vendor,
        "database": {"file": database, "sha256": sha256(target / database)},
        "tables": counts,
        "files": copy_files(storage_roots(), target),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def read_verified(source: Path, connection) -> dict:
    """The manifest of the backup in `source`, after checking every file against it."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise CommandError(f"{source} holds no readable {MANIFEST}: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
    if manifest["engine"] != _engine(connection):
        raise CommandError(
            f"This backup is of a {manifest['engine']} database; this site uses "
            f"{connection.vendor}."
        )
    expected = {manifest["database"]["file"]: manifest["database"]["sha256"], **manifest["files"]}
    for relative, checksum in expected.items():
        path = source / relative
        if not path.is_file() or sha256(path) != checksum:
            raise CommandError(f"{relative} is missing or damaged (checksum differs).")
    return manifest


def restore_files(source: Path, manifest: dict, roots: dict[str, Path]) -> None:
    for alias, root in roots.items():
        if root.is_dir():
            shutil.rmtree(root)
        root.mkdir(parents=True, exist_ok=True)
        saved = source / "files" / alias
        if saved.is_dir():
            shutil.copytree(saved, root, dirs_exist_ok=True)


def restore_backup(source: Path, connection) -> dict:
    """Replace the database and the files with the backup in `source`; check the counts."""
    manifest = read_verified(source, connection)
    load_database(connection, source / manifest["database"]["file"])
    restore_files(source, manifest, storage_roots())
    connection = connections[connection.alias]
    counts = table_counts(connection)
    differing = sorted(
        name
        for name in set(counts) | set(manifest["tables"])
        if counts.get(name) != manifest["tables"].get(name)
    )
    if differing:
        raise CommandError(f"Row counts differ after the restore: {', '.join(differing)}.")
    return manifest
