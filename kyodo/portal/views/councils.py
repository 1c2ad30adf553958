"""Public pages of councils (協議会・審議会): the list, a council and a meeting.

They show the published 委員名簿 (names, readings, categories and positions only, never contact
details), the shares of women and of publicly recruited members, the public meetings with their
agenda, published minutes and outcomes with the status of their follow-up. A closed meeting and
its minutes never appear here. Addresses stay under /councils/ with the names
`councils:public_list`, `councils:public_detail` and `councils:public_meeting`
(kyodo/portal/urls_councils.py). The same selectors serve the CSV open data and the API.
"""

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from kyodo.core.permissions import get_object_for
from kyodo.councils import selectors
from kyodo.councils.models import Material
from kyodo.portal.http import page_meta


def public_list(request):
    rows = selectors.council_rows(selectors.public_councils())
    return render(
        request,
        "portal/public/council_list.html",
        {
            "rows": rows,
            "city": selectors.city_figures(rows),
            "upcoming": list(
                selectors.upcoming_public_meetings(days=settings.KYODO_COUNCIL_HOME_DAYS)
            ),
            "meta": page_meta(
                request,
                _("Councils"),
                _(
                    "The city's councils and committees: their members, meetings, minutes and "
                    "what the city does about their conclusions."
                ),
            ),
        },
    )


def public_detail(request, council_id):
    council = get_object_for(
        request.user, "councils.view_public_council", selectors.public_councils(), pk=council_id
    )
    return render(
        request,
        "portal/public/council_detail.html",
        {
            "council": council,
            **selectors.public_council_page(council),
            "meta": page_meta(request, council.name, council.purpose[:150], og_type="article"),
        },
    )


def public_meeting(request, meeting_id):
    meeting = get_object_for(
        request.user, "councils.view_public_meeting", selectors.public_meetings(), pk=meeting_id
    )
    title = f"{meeting.council.name} {meeting.title}"
    return render(
        request,
        "portal/public/council_meeting.html",
        {
            "meeting": meeting,
            "council": meeting.council,
            "materials": selectors.meeting_materials(meeting),
            "outcomes": selectors.public_outcomes().filter(meeting=meeting),
            "meta": page_meta(request, title, meeting.agenda[:150], og_type="article"),
        },
    )


def public_material(request, material_id):
    queryset = Material.objects.select_related("meeting__council")
    material = get_object_for(request.user, "councils.view_material", queryset, pk=material_id)
    return FileResponse(
        material.file.open("rb"), as_attachment=True, filename=material.original_name
    )


def public_minutes_file(request, meeting_id):
    meeting = get_object_for(
        request.user, "councils.view_public_meeting", selectors.public_meetings(), pk=meeting_id
    )
    if not (meeting.minutes_public and meeting.minutes_file):
        raise Http404
    return FileResponse(
        meeting.minutes_file.open("rb"), as_attachment=True, filename=meeting.minutes_file_name
    )
