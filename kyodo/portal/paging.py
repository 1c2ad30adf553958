"""One page of a public list, read without counting the whole list."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from kyodo.portal.http import int_param

PER_PAGE = 20


@dataclass
class Window:
    """One page of a list, without counting the whole list (one query, however long)."""

    number: int
    object_list: list
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next


def page_of(request, queryset) -> Window:
    """The page of `queryset` asked for by ?page= (a 404 past the end).

    A ?page= that is not a page number raises BadQuery: the view needs `handles_bad_query`
    (`cacheable` includes it) to answer 400 rather than 500.
    """
    number = int_param(request, "page", label=_("Page"), default=1, low=1, high=100_000)
    start = (number - 1) * PER_PAGE
    rows = list(queryset[start : start + PER_PAGE + 1])
    if number > 1 and not rows:
        raise Http404
    return Window(number=number, object_list=rows[:PER_PAGE], has_next=len(rows) > PER_PAGE)


def page_query(page: Window) -> dict:
    """The ?page= of a page after the first, for its canonical address."""
    return {"page": page.number} if page.number > 1 else {}
