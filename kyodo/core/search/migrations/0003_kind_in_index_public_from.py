"""Each document's kind inside the full-text index, and the day it became public.

A search asks for a word *and* a kind: with the kind in the index itself (a lexeme `§kind` in
PostgreSQL's tsvector, a `kind` column of single tokens in SQLite's FTS5), the database
intersects the two lists in the index instead of fetching every document of the word to test
its kind. `public_from` keeps the public rule on the document (see `SearchableType.public_from`)
so that the public search tests a column of the row it already reads, not another table.

SQLite's FTS5 table is rebuilt from its content (`search_fts` is never asked to 'rebuild' by
itself: its kind column holds `kind_token(kind)`, not the content table's text).
"""

from django.db import migrations, models

# SQLite: the kind without its dots and underscores is one token for FTS5's unicode61.
SQLITE_KIND_TOKEN = "'k' || replace(replace({column}.kind, '.', ''), '_', '')"

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, kind, "
    "content='search_searchdocument', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, title, body, kind) VALUES (new.id, new.title, new.body, "
    f"{SQLITE_KIND_TOKEN.format(column='new')}); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body, kind) "
    f"VALUES ('delete', old.id, old.title, old.body, {SQLITE_KIND_TOKEN.format(column='old')}); "
    "END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body, kind) "
    f"VALUES ('delete', old.id, old.title, old.body, {SQLITE_KIND_TOKEN.format(column='old')}); "
    "INSERT INTO search_fts(rowid, title, body, kind) VALUES (new.id, new.title, new.body, "
    f"{SQLITE_KIND_TOKEN.format(column='new')}); END",
    "INSERT INTO search_fts(rowid, title, body, kind) SELECT id, title, body, "
    f"{SQLITE_KIND_TOKEN.format(column='search_searchdocument')} FROM search_searchdocument",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_searchdocument', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
# PostgreSQL: the kind as a lexeme of its own (no position, weight D), which no word of a text
# can be (`§` is not a word character for the `simple` parser).
POSTGRESQL_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'B') || "
    "array_to_tsvector(ARRAY['§' || kind::text])"
)
POSTGRESQL_OLD_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'B')"
)


def _postgresql(vector):
    return [
        "DROP INDEX IF EXISTS search_document_vector",
        "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
        f"ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS "
        f"({vector}) STORED",
        "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (vector)",
    ]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [("search", "0002_fulltext_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="public_from",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": _postgresql(POSTGRESQL_VECTOR)}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": _postgresql(POSTGRESQL_OLD_VECTOR)}),
        ),
    ]
