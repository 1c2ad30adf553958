"""Japanese full-text search shared by every Kyodo app (partners, projects, events, news, calls).

Text is cut into words by SudachiPy (sudachidict-core, short unit "A"), each word folded to
Sudachi's normalised form after NFKC and case folding, so that full-width/half-width variants
(ＮＰＯ/NPO, ｱﾊﾞｼﾘ/アバシリ) and spelling variants (活かす/生かす) meet, and two-character words
(協働, 防災, 地名) are whole words. The words are stored space-separated in `SearchDocument`
(one row per indexed object) and indexed by the database: SQLite FTS5 (bm25 ranking) on
SQLite, a generated `tsvector` with the `simple` configuration and a GIN index (ts_rank) on
PostgreSQL. Title words weigh more than body words.

Registering a document type takes a few lines, e.g. in your app's `AppConfig.ready()`::

    from kyodo.core.search import registry
    registry.register(
        "projects.project",
        model=Project,
        title=lambda p: [p.title],
        body=lambda p: [p.local_issue, p.purpose],
        queryset=lambda: Project.objects.all(),  # what `manage.py search_reindex` walks
    )

Then keep the index current from your services (never from signals or save())::

    from kyodo.core.search.index import index_delete, index_update
    index_update(project)   # after creating or changing it
    index_delete(project)   # before deleting it

and search with the same words the index holds::

    from kyodo.core.search.index import search
    hits = search(Project.objects.filter(department=d), "防災 協働")  # list[Hit], best first
    hits = search(qs, "防災 協働", mode="any")  # any word instead of every word

`search()` returns `Hit(object_id, score, terms)` for the objects of the queryset that match,
best first (the queryset decides what may be found: filters and permissions stay in Django).
It reads only ids and scores; `explain(Model, hits, query)` fills `terms` (the query's words
each hit holds) for the hits you show, and `word_matches(qs, query)` gives, per query word,
the ids holding it. Keys must be UUIDs (every KyodoModel's are).

`search_best(qs, query, limit, offset=…)` gives one page of hits and the total in the
database. For the public (the default audience) it ranks at most `index.CANDIDATES` matches
of the type, in the index's order, and estimates the total above that (`Found.approximate`); a
type whose public rule is its own fields declares `public_from=lambda obj: date | None` at
`register()` (the first day the object is public, None: not public), kept on the document by
`index_update`, so that those candidates are public ones. Keep that rule's fields reindexed by
the services that change them; the queryset passed in still decides what is found.
`many.search_best_each([qs, …], query, limit)` is `search_best` of several types for the
public in two queries (their candidates, then what each queryset keeps), for a page that
searches many types at once.
"""
