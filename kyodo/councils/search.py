"""How a council becomes a search document (registered in CouncilsConfig.ready).

Two documents per council. The staff one holds its purpose, basis, members' names and every
meeting's agenda, minutes and outcomes. The public one holds only what the portal's council
page shows: nothing of a council that is not public, and of its meetings only the public ones,
their agenda, published minutes and outcomes. Members' contact details are in neither.
The services call `reindex(council)` after every change of what is indexed.
"""

from django.db.models import Prefetch

from kyodo.core.search import registry
from kyodo.core.search.index import index_update
from kyodo.councils.models import Council, Meeting

KIND = "councils.council"


def _common(council: Council) -> list[str]:
    return [council.name_kana, council.get_kind_display(), council.legal_basis, council.purpose]


def _meeting_parts(meeting: Meeting, *, public: bool) -> list[str]:
    parts = [meeting.title, meeting.agenda]
    if not public or meeting.minutes_public:
        parts.append(meeting.minutes_text)
    parts += [f"{outcome.title} {outcome.text}" for outcome in meeting.outcomes.all()]
    return parts


def _body(council: Council) -> list[str]:
    names = [term.person.name for term in council.terms.all()]
    meetings = [p for m in council.meetings.all() for p in _meeting_parts(m, public=False)]
    return [*_common(council), *names, *meetings]


def _public_body(council: Council) -> list[str]:
    if not council.is_public:
        return []
    names = [term.person.name for term in council.terms.all()]
    meetings = [
        part
        for meeting in council.meetings.all()
        if meeting.is_public
        for part in _meeting_parts(meeting, public=True)
    ]
    return [*_common(council), *names, *meetings]


def councils_for_index():
    return Council.objects.prefetch_related(
        "terms__person",
        Prefetch("meetings", queryset=Meeting.objects.prefetch_related("outcomes")),
    )


def register() -> None:
    registry.register(
        KIND,
        model=Council,
        title=lambda council: [council.name],
        body=_body,
        queryset=councils_for_index,
        public_body=_public_body,
    )


def reindex(council: Council) -> None:
    """Rebuild the council's documents from the database (with what changed)."""
    index_update(councils_for_index().get(pk=council.pk))
