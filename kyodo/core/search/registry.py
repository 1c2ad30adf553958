"""Which models are indexed, and how each object becomes a title and a body."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models

TextParts = Callable[[models.Model], Iterable[str]]
PUBLIC, STAFF = "public", "staff"  # who a search is for: the portal, or the city's pages


@dataclass(frozen=True)
class SearchableType:
    kind: str
    model: type[models.Model]
    title: TextParts
    body: TextParts
    queryset: Callable[[], models.QuerySet] | None = None
    # The body as the public pages show it, for a type whose staff body holds more (a partner's
    # capacity or qualifications). Its words go to a document of their own that the public
    # search reads, so that a private word cannot find the record there.
    public_body: TextParts | None = None
    # The public rule as the first day the object is public (None: not public), stored on the
    # document the public search reads. Only for types whose public rule is the object's own
    # fields and whose services reindex on every change of them; the public search still
    # applies the caller's queryset to what it ranks.
    public_from: Callable[[models.Model], object] | None = None

    def all_objects(self) -> models.QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()

    @property
    def public_kind(self) -> str:
        return f"{self.kind}.public" if self.public_body else self.kind

    def kind_for(self, audience: str) -> str:
        if audience not in (PUBLIC, STAFF):
            raise ValueError(f"unknown audience {audience!r}")
        return self.kind if audience == STAFF else self.public_kind

    def kinds(self) -> list[str]:
        return list(dict.fromkeys([self.kind, self.public_kind]))


_TYPES: dict[str, SearchableType] = {}


def register(
    kind: str,
    *,
    model: type[models.Model],
    title: TextParts,
    body: TextParts,
    queryset: Callable[[], models.QuerySet] | None = None,
    public_body: TextParts | None = None,
    public_from: Callable[[models.Model], object] | None = None,
) -> SearchableType:
    """Declare an indexed document type (see the package docstring)."""
    searchable = SearchableType(kind, model, title, body, queryset, public_body, public_from)
    _TYPES[kind] = searchable
    return searchable


def get(kind: str) -> SearchableType:
    return _TYPES[kind]


def for_model(model: type[models.Model]) -> SearchableType:
    for searchable in _TYPES.values():
        if searchable.model is model or issubclass(model, searchable.model):
            return searchable
    raise LookupError(f"{model.__name__} is not registered for search")


def all_types() -> list[SearchableType]:
    return list(_TYPES.values())
