from django.db import models


class SearchDocument(models.Model):
    """The searchable words of one object, kept by `kyodo.core.search.index`.

    Not a domain record (no history, integer key): the integer key is the rowid of the SQLite
    FTS5 index, which must be stable. On PostgreSQL a generated `vector` column (not declared
    here; see migrations 0002 and 0003) holds the tsvector with its GIN index.
    """

    kind = models.CharField(max_length=60)
    object_id = models.UUIDField()
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # The first day the public may see the object (its public rule, kept on the document so
    # that the public search tests it without another table); None: not public. Only read for
    # types that declare `public_from` (see registry.SearchableType).
    public_from = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
