"""Keeping the search index current and asking it (see the package docstring)."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone

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
    public_from = searchable.public_from(obj) if searchable.public_from else None
    first = document_from_parts(searchable.kind, obj.pk, title, searchable.body(obj))
    documents = [first]
    if searchable.public_body:
        public = searchable.public_body(obj)
        documents.append(document_from_parts(searchable.public_kind, obj.pk, title, public))
    documents[-1].public_from = public_from
    return documents


def document_from_parts(
    kind: str, object_id, title: Iterable[str], body: Iterable[str], public_from=None
) -> SearchDocument:
    """An unsaved document, for bulk indexing (imports) where objects are not saved yet.

    `public_from` is the type's `public_from(obj)` for the document the public search reads.
    """
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        title=_joined(title),
        body=_joined(body),
        public_from=public_from,
    )


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
            defaults={
                "title": document.title,
                "body": document.body,
                "public_from": document.public_from,
            },
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


# The public search ranks at most this many matches of a type (the first the index gives),
# so that a word in every document (網走 in every address) costs no more than a rarer one;
# with more matches than this the total is estimated (`Found.approximate`).
CANDIDATES = 500
# The share of the table an estimate reads on PostgreSQL (TABLESAMPLE SYSTEM, in per cent),
# and one row in this many on SQLite (by rowid, inside the full-text index).
SAMPLE_PERCENT, SAMPLE_EVERY = 2, 17


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _pg_quote(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'"


def _sqlite_kind(kind: str) -> str:
    # The kind as migration 0003 stores it in FTS5's kind column: one token.
    return "k" + kind.replace(".", "").replace("_", "")


def _scope_sql(scope) -> tuple[str, list]:
    # Without a filter the whole kind is in scope, and the subquery would only cost time.
    if scope is None:
        return "", []
    sql, params = scope
    return f" AND object_id IN ({sql})", list(params)


def _terms(query_words: list[str], mode: str, joiners: tuple[str, str], quote) -> str:
    """The words as one query expression: all of them (mode "all") or any of them."""
    every, either = joiners
    return (every if mode == "all" else either).join(quote(word) for word in query_words)


@dataclass
class _Match:
    """The documents of one kind holding the words: `sql` selects (object_id, score)."""

    sql: str
    params: list
    sample_sql: str  # how many there are, estimated from a sample
    sample_params: list


def _public_sql(public_on) -> tuple[str, list]:
    return (" AND d.public_from <= %s", [public_on]) if public_on else ("", [])


def _sqlite_match(kind, query_words, mode, ranked, public_on) -> _Match:
    words_sql = _terms(query_words, mode, (" AND ", " OR "), _quote)
    match = f"{{title body}} : ({words_sql}) AND kind : {_sqlite_kind(kind)}"
    public, public_params = _public_sql(public_on)
    # bm25() is lower for better matches; the weights follow the column order (title, body).
    score = f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0, 0.0)" if ranked else "0"
    # CROSS JOIN keeps the FTS index as the outer loop: otherwise SQLite may walk every
    # document and test MATCH row by row (seconds instead of milliseconds at 20,000).
    joined = (
        "FROM search_fts CROSS JOIN search_searchdocument d ON d.id = search_fts.rowid "
        f"WHERE search_fts MATCH %s AND d.kind = %s{public}"
    )
    params = [match, kind, *public_params]
    sample = f"SELECT COUNT(*) * {SAMPLE_EVERY} {joined} AND search_fts.rowid %% {SAMPLE_EVERY} = 0"
    return _Match(f"SELECT d.object_id, {score} AS score {joined}", params, sample, params)


def _postgresql_match(kind, query_words, mode, ranked, public_on) -> _Match:
    tsquery = _terms(query_words, mode, (" & ", " | "), _pg_quote)
    public, public_params = _public_sql(public_on)
    # Weights are {D, C, B, A}: the title is A, the body B (see migration 0002).
    score = f"ts_rank('{{0.1, 0.2, {1 / TITLE_WEIGHT}, 1.0}}', d.vector, q)" if ranked else "0"
    # The kind's lexeme (migration 0003) lets the GIN index intersect word and kind.
    where = f"d.vector @@ (q && %s::tsquery) AND d.kind = %s{public}"
    params = [tsquery, _pg_quote("§" + kind), kind, *public_params]
    sample = (
        f"SELECT COUNT(*) * {100 // SAMPLE_PERCENT} FROM search_searchdocument d "
        f"TABLESAMPLE SYSTEM ({SAMPLE_PERCENT}) REPEATABLE (0), to_tsquery('simple', %s) q "
        f"WHERE {where}"
    )
    sql = (
        f"SELECT d.object_id, {score} AS score "
        f"FROM search_searchdocument d, to_tsquery('simple', %s) q WHERE {where}"
    )
    return _Match(sql, params, sample, params)


@dataclass
class Found:
    """The best hits (at most the limit asked for) and how many objects match in all.

    `approximate`: `total` is an estimate (rounded by the pages), for a word with more than
    CANDIDATES matches in the public search.
    """

    hits: list[Hit]
    total: int
    approximate: bool = False


def as_uuid(value) -> uuid.UUID:
    """An id as the database returned it: PostgreSQL's driver gives a UUID already (parsing
    its text again was a fifth of a broad search's Python time), SQLite the text."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _fetch(sql: str, params: list) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _exact(match: _Match, scope, ranked, limit, offset) -> tuple[list, int]:
    """Every match ranked (best first), the scope applied to each: `limit` of them and the
    number in all (a window over every match, computed before LIMIT)."""
    scope_sql, scope_params = _scope_sql(scope)
    hits = f"SELECT object_id, score FROM ({match.sql}) m WHERE 1 = 1{scope_sql}"
    if connection.vendor == "postgresql":
        # OFFSET 0 keeps PostgreSQL from carrying each document's vector through the window
        # and the sort to rank it there (9,000 matches: the window spilled to disk, twice the
        # time); the ranks are computed in the scan.
        hits = f"SELECT object_id, score FROM ({hits} OFFSET 0) f"
    order = " ORDER BY score DESC, object_id" if ranked else ""
    params = [*match.params, *scope_params]
    if limit is None:
        rows = _fetch(hits + order, params)
        return rows, len(rows)
    # The window wraps the match as a subquery: SQLite refuses bm25() beside a window.
    sql = f"SELECT object_id, score, COUNT(*) OVER () FROM ({hits}) h{order}"
    rows = _fetch(f"{sql} LIMIT {int(limit)} OFFSET {max(0, int(offset))}", params)
    return rows, (rows[0][2] if rows else 0)


def _kept_query(queryset, ids: list) -> models.QuerySet:
    """The ids of `ids` the queryset holds: its filters tested on those rows only (by key)."""
    if connection.vendor == "postgresql":
        # One array parameter instead of a placeholder per id (psycopg binds each in Python).
        ids = RawSQL("SELECT unnest(%s::uuid[])", [ids])
    return queryset.order_by().filter(pk__in=ids).values_list("pk", flat=True)


def _kept(queryset, ids: list) -> set:
    return set(_kept_query(queryset, ids))


def _bounded_sql(match: _Match) -> tuple[str, list]:
    # The estimate's sample is read in the same query, and only when the candidates run out
    # (CASE evaluates its subquery on demand): one query whatever the number of matches.
    sql = (
        f"WITH cand AS MATERIALIZED ({match.sql} LIMIT {CANDIDATES}) "
        f"SELECT object_id, score, CASE WHEN (SELECT COUNT(*) FROM cand) >= {CANDIDATES} "
        f"THEN ({match.sample_sql}) END AS sampled FROM cand"
    )
    return sql, [*match.params, *match.sample_params]


def _bounded(match: _Match, queryset, limit, offset, rows=None, kept=None) -> Found | None:
    """The best of the first CANDIDATES matches in the index's order, the queryset applied to
    those only; None when they cannot fill the page (a narrow queryset: rank them all instead).

    The database stops reading the index after CANDIDATES rows whatever the word; the
    queryset is asked about those ids alone (a semi-join against every public row would make
    SQLite build the whole set of public ids first).
    """
    rows = _fetch(*_bounded_sql(match)) if rows is None else rows
    scores = {as_uuid(row[0]): float(row[1]) for row in rows}
    sampled = rows[0][2] if rows else None
    allowed = scores.keys()
    if scores and queryset.query.where:
        allowed = _kept(queryset, list(scores)) if kept is None else kept
    ranked = sorted(allowed, key=lambda object_id: (-scores[object_id], object_id.hex))
    passed, seen = len(ranked), len(scores)
    hits = [Hit(object_id, scores[object_id]) for object_id in ranked[offset : offset + limit]]
    if seen < CANDIDATES:
        # Past the last hit the total is 0, as `_exact` answers (the staff list relies on it).
        return Found(hits=hits, total=passed if hits else 0)
    if passed < offset + limit:
        return None
    # Every match of the sample counted, scaled by the share of candidates the queryset keeps.
    estimated = (sampled or 0) * passed // seen
    return Found(hits=hits, total=max(estimated, passed), approximate=True)


def _ranked(
    queryset: models.QuerySet,
    query_words: list[str],
    mode: str,
    ranked: bool = True,
    limit: int | None = None,
    audience: str = PUBLIC,
    offset: int = 0,
) -> Found:
    searchable = registry.for_model(queryset.model)
    kind = searchable.kind_for(audience)
    # Only the public search's best results (`search_best()` for the public) are bounded: the
    # city's pages page through every match in one consistent order, `search()` returns all.
    bounded = audience == PUBLIC and ranked and limit is not None
    # There the public rule stored on the documents (types that declare one) narrows the
    # candidates before any other table is read; the queryset still decides what is found.
    public_on = timezone.localdate() if bounded and searchable.public_from else None
    build = _postgresql_match if connection.vendor == "postgresql" else _sqlite_match
    match = build(kind, query_words, mode, ranked, public_on)
    if bounded:
        found = _bounded(match, queryset, limit, offset)
        if found is not None:
            return found
    scope = None
    if queryset.query.where:
        scope = queryset.order_by().values("pk").query.sql_with_params()
    rows, total = _exact(match, scope, ranked, limit, offset)
    return Found(hits=[Hit(as_uuid(row[0]), float(row[1])) for row in rows], total=total)


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
    queryset: models.QuerySet, query: str, *, audience: str = PUBLIC, words=None
) -> dict[str, set]:
    """For each word of `query` (long units), the ids of the objects holding it.

    `words`, if given, are the (already normalised) words to look up instead of the query's:
    matching passes the query's content words only (`tokens.content_words`).
    """
    return {
        word: {
            hit.object_id
            for hit in _ranked(queryset, [word], "all", ranked=False, audience=audience).hits
        }
        for word in (display_words(query) if words is None else words)
    }
