"""Which models are indexed, and how each object becomes a title and a body."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models

TextParts = Callable[[models.Model], Iterable[str]]


@dataclass(frozen=True)
class SearchableType:
    kind: str
    model: type[models.Model]
    title: TextParts
    body: TextParts
    queryset: Callable[[], models.QuerySet] | None = None

    def all_objects(self) -> models.QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()


_TYPES: dict[str, SearchableType] = {}


def register(
    kind: str,
    *,
    model: type[models.Model],
    title: TextParts,
    body: TextParts,
    queryset: Callable[[], models.QuerySet] | None = None,
) -> SearchableType:
    """Declare an indexed document type (see the package docstring)."""
    searchable = SearchableType(kind, model, title, body, queryset)
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
