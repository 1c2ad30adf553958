"""One page of a public list, read without counting the whole list."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from kyodo.portal.http import int_param, kept_read

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


def _page_number(request) -> int:
    return int_param(request, "page", label=_("Page"), default=1, low=1, high=100_000)


def page_of(request, queryset) -> Window:
    """The page of `queryset` asked for by ?page= (a 404 past the end).

    A ?page= that is not a page number raises BadQuery: the view needs `handles_bad_query`
    (`cacheable` includes it) to answer 400 rather than 500.
    """
    number = _page_number(request)
    start = (number - 1) * PER_PAGE
    rows = list(queryset[start : start + PER_PAGE + 1])
    if number > 1 and not rows:
        raise Http404
    return Window(number=number, object_list=rows[:PER_PAGE], has_next=len(rows) > PER_PAGE)


def kept_page_of(request, name: str, kinds: tuple, rows, *filters, then=None) -> Window:
    """`page_of(request, rows())`, kept under the versions of `kinds`, the `filters` and the
    page's number (`portal.http.kept_read`): the same page at another address (another
    language, a tracking parameter) or after a change of a kind it does not show reads nothing.

    `rows` builds the queryset (not built on a hit); `then(object_list)` completes the page's
    rows before they are kept (e.g. their fields of activity as names). A bad page number
    raises before anything is read, a page past the end raises 404: neither is kept.
    """
    number = _page_number(request)

    def read() -> Window:
        page = page_of(request, rows())
        if then is not None:
            then(page.object_list)
        return page

    return kept_read(name, kinds, read, *filters, number)


def page_query(page: Window) -> dict:
    """The ?page= of a page after the first, for its canonical address."""
    return {"page": page.number} if page.number > 1 else {}
