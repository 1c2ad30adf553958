"""Keeping the search index current and asking it (see the package docstring)."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, models, transaction

from kyodo.core.search import registry
from kyodo.core.search.models import SearchDocument
from kyodo.core.search.registry import PUBLIC
from kyodo.core.search.tokens import display_words, unique_words, words

# Title words (names, readings) weigh this many times more than body words.
TITLE_WEIGHT = 4.0


@dataclass
class Hit:
    object_id: uuid.UUID
    score: float
    terms: list[str] = field(default_factory=list)


def _joined(parts: Iterable[str]) -> str:
    return " ".join(word for part in parts if part for word in words(str(part)))


def documents_for(obj: models.Model) -> list[SearchDocument]:
    """The object's document, and its public one where the type declares a public body."""
    searchable = registry.for_model(type(obj))
    title = list(searchable.title(obj))
    documents = [document_from_parts(searchable.kind, obj.pk, title, searchable.body(obj))]
    if searchable.public_body:
        public = searchable.public_body(obj)
        documents.append(document_from_parts(searchable.public_kind, obj.pk, title, public))
    return documents


def document_from_parts(
    kind: str, object_id, title: Iterable[str], body: Iterable[str]
) -> SearchDocument:
    """An unsaved document, for bulk indexing (imports) where objects are not saved yet."""
    return SearchDocument(kind=kind, object_id=object_id, title=_joined(title), body=_joined(body))


def index_bulk_create(documents: list[SearchDocument]) -> None:
    """Add documents of objects that have none yet (e.g. right after a bulk import)."""
    SearchDocument.objects.bulk_create(documents, batch_size=500)


@transaction.atomic
def index_update(obj: models.Model) -> None:
    """(Re)index one object; call it from the service that created or changed it."""
    for document in documents_for(obj):
        SearchDocument.objects.update_or_create(
            kind=document.kind,
            object_id=document.object_id,
            defaults={"title": document.title, "body": document.body},
        )


@transaction.atomic
def index_delete(obj: models.Model) -> None:
    searchable = registry.for_model(type(obj))
    SearchDocument.objects.filter(kind__in=searchable.kinds(), object_id=obj.pk).delete()


@transaction.atomic
def index_rebuild(kind: str, batch_size: int = 500) -> int:
    """Rebuild the whole index of one document type (after a change of tokenizer or rules).

    Returns the number of objects indexed (a type with a public body has two documents each).
    """
    searchable = registry.get(kind)
    SearchDocument.objects.filter(kind__in=searchable.kinds()).delete()
    count = 0
    batch = []
    for obj in searchable.all_objects().iterator(chunk_size=batch_size):
        batch.extend(documents_for(obj))
        count += 1
        if len(batch) >= batch_size:
            SearchDocument.objects.bulk_create(batch)
            batch = []
    SearchDocument.objects.bulk_create(batch)
    return count


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _pg_quote(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'"


def _scope_sql(scope) -> tuple[str, list]:
    # Without a filter the whole kind is in scope, and the subquery would only cost time.
    if scope is None:
        return "", []
    sql, params = scope
    return f" AND d.object_id IN ({sql})", list(params)


def _ordered(sql: str, ranked: bool, limit: int | None, offset: int = 0) -> str:
    """Best first; with a limit, at most `limit` rows (after skipping `offset`), each with the
    number of matches in all.

    With a limit the total comes with the rows (a window over every match, computed before
    LIMIT), so a page of results and "N found" cost one query; the window wraps the match as
    a subquery because SQLite refuses bm25() in the same SELECT as a window function. Without
    a limit every match is read anyway, and the total is their number.
    """
    order = " ORDER BY score DESC, object_id" if ranked else ""
    if limit is None:
        return sql + order
    wrapped = f"SELECT object_id, score, COUNT(*) OVER () AS total FROM ({sql}) hits"
    return f"{wrapped}{order} LIMIT {int(limit)} OFFSET {max(0, int(offset))}"


def _terms(query_words: list[str], mode: str, joiners: tuple[str, str], quote) -> str:
    """The words as one query expression: all of them (mode "all") or any of them."""
    every, either = joiners
    return (every if mode == "all" else either).join(quote(word) for word in query_words)


def _sqlite_query(kind: str, query_words: list[str], mode: str, scope, ranked: bool = True):
    match = _terms(query_words, mode, (" AND ", " OR "), _quote)
    scope_sql, scope_params = _scope_sql(scope)
    # bm25() is lower for better matches; the weights follow the column order (title, body).
    score = f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0)" if ranked else "0"
    sql = (
        f"SELECT d.object_id, {score} AS score "
        # CROSS JOIN keeps the FTS index as the outer loop: otherwise SQLite may walk every
        # document and test MATCH row by row (seconds instead of milliseconds at 20,000).
        "FROM search_fts CROSS JOIN search_searchdocument d ON d.id = search_fts.rowid "
        f"WHERE search_fts MATCH %s AND d.kind = %s{scope_sql}"
    )
    return sql, [match, kind, *scope_params]


def _postgresql_query(kind: str, query_words: list[str], mode: str, scope, ranked: bool = True):
    tsquery = _terms(query_words, mode, (" & ", " | "), _pg_quote)
    scope_sql, scope_params = _scope_sql(scope)
    # Weights are {D, C, B, A}: the title is A, the body B (see migration 0002).
    score = f"ts_rank('{{0.1, 0.2, {1 / TITLE_WEIGHT}, 1.0}}', d.vector, q)" if ranked else "0"
    sql = (
        f"SELECT d.object_id, {score} AS score "
        "FROM search_searchdocument d, to_tsquery('simple', %s) q "
        f"WHERE d.vector @@ q AND d.kind = %s{scope_sql}"
    )
    return sql, [tsquery, kind, *scope_params]


@dataclass
class Found:
    """The best hits (at most the limit asked for) and how many objects match in all."""

    hits: list[Hit]
    total: int


def _ranked(
    queryset: models.QuerySet,
    query_words: list[str],
    mode: str,
    ranked: bool = True,
    limit: int | None = None,
    audience: str = PUBLIC,
    offset: int = 0,
) -> Found:
    kind = registry.for_model(queryset.model).kind_for(audience)
    scope = None
    if queryset.query.where:
        scope = queryset.order_by().values("pk").query.sql_with_params()
    build = _postgresql_query if connection.vendor == "postgresql" else _sqlite_query
    sql, params = build(kind, query_words, mode, scope, ranked)
    with connection.cursor() as cursor:
        cursor.execute(_ordered(sql, ranked, limit, offset), params)
        rows = cursor.fetchall()
    hits = [Hit(uuid.UUID(str(row[0])), float(row[1])) for row in rows]
    if limit is None:
        return Found(hits=hits, total=len(hits))
    return Found(hits=hits, total=rows[0][2] if rows else 0)


def _query_words(query: str, mode: str) -> list[str]:
    # "all" requires every word, parts of compounds included (a text holding the compound
    # holds its parts); "any" uses only the long units, or single characters such as 市 or
    # 者 would rank half the index.
    return unique_words(query) if mode == "all" else display_words(query)


def search(
    queryset: models.QuerySet, query: str, *, mode: str = "all", audience: str = PUBLIC
) -> list[Hit]:
    """The objects of `queryset` matching `query`, best first (`Hit.terms` left empty).

    `audience` is who is searching: PUBLIC (the default, so that forgetting it can only find
    less) reads the documents holding what the public pages show; STAFF reads everything the
    type indexes, for the city's own pages (which pass a queryset the user may see).

    mode="all" needs every word of the query; mode="any" ranks objects with any of them.
    An empty query (or one of particles only) finds nothing. Only ids and scores are read,
    so this stays fast with many hits; fill in the matched words of the hits you show with
    `explain()`.
    """
    query_words = _query_words(query, mode)
    if not query_words:
        return []
    return _ranked(queryset, query_words, mode, audience=audience).hits


def search_best(
    queryset: models.QuerySet,
    query: str,
    limit: int,
    *,
    mode: str = "all",
    audience=PUBLIC,
    offset: int = 0,
) -> Found:
    """The `limit` best hits of `search()` and the number of matches in all, in one query.

    For pages that show only the first results (the portal's search), or one page of them
    (`offset` hits skipped: the staff partner list): with 10,000 matches it spares reading and
    sorting them all in Python. Past the last hit, `hits` is empty and `total` 0.
    """
    query_words = _query_words(query, mode)
    if not query_words:
        return Found(hits=[], total=0)
    return _ranked(queryset, query_words, mode, limit=limit, audience=audience, offset=offset)


def explain(
    model: type[models.Model], hits: list[Hit], query: str, *, audience: str = PUBLIC
) -> list[Hit]:
    """Fill `terms` of `hits` (e.g. one page of them) with the query's words each holds."""
    shown = display_words(query)
    kind = registry.for_model(model).kind_for(audience)
    documents = SearchDocument.objects.filter(
        kind=kind, object_id__in=[hit.object_id for hit in hits]
    ).values_list("object_id", "title", "body")
    present = {object_id: set(f"{title} {body}".split()) for object_id, title, body in documents}
    for hit in hits:
        words_there = present.get(hit.object_id, set())
        hit.terms = [word for word in shown if word in words_there]
    return hits


def word_matches(
    queryset: models.QuerySet, query: str, *, audience: str = PUBLIC
) -> dict[str, set]:
    """For each word of `query` (long units), the ids of the objects holding it."""
    return {
        word: {
            hit.object_id
            for hit in _ranked(queryset, [word], "all", ranked=False, audience=audience).hits
        }
        for word in display_words(query)
    }
