"""Public pages of collaborative projects: the list and a project.

Like every public page they read through the owning app's public selector (the same ones the
JSON API uses), so that what is public cannot differ between the two.
"""

from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.cycles.public_results import public_cycle_results
from kyodo.partners.selectors import public_partners
from kyodo.portal import selectors
from kyodo.portal.cards import project_cards_of
from kyodo.portal.http import (
    PROJECT_KINDS,
    cacheable,
    choice_param,
    kept_read,
    page_meta,
    stamp,
)
from kyodo.portal.paging import kept_page_of, page_query
from kyodo.projects.models import PUBLIC_STATUSES
from kyodo.projects.selectors import public_projects


def projects_version(request, *args, **kwargs):
    # The newest change of any project (one index lookup): a project entering or leaving the
    # public statuses is a change too. Counting the 20,000 public ones would cost more.
    return selectors.freshness(public_projects())


@cacheable(projects_version, kinds=PROJECT_KINDS)
def project_list(request):
    status = choice_param(
        request,
        "status",
        label=_("Status"),
        choices=("", *(s.value for s in PUBLIC_STATUSES)),
        default="",
    )

    def rows():
        # Read with only what a card shows (portal/cards.py).
        queryset = project_cards_of(public_projects())
        return queryset.filter(status=status) if status else queryset

    page = kept_page_of(request, "project-page", PROJECT_KINDS, rows, status)
    query = {**({"status": status} if status else {})}
    return render(
        request,
        "portal/public/project_list.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": PUBLIC_STATUSES,
            "extra_query": urlencode(query),
            "meta": page_meta(
                request,
                _("Collaborative projects"),
                _("Projects the city runs together with citizens and organisations."),
                query=urlencode({**query, **page_query(page)}),
            ),
        },
    )


def _project_version(request, pk):
    # The partners' names and the cycles' results show on the page too.
    return (
        stamp(public_projects().filter(pk=pk)),
        stamp(public_partners().filter(projects__pk=pk)),
        list(
            public_projects()
            .filter(pk=pk)
            .aggregate(cycle=Max("cycles__updated_at"), count=Count("cycles"))
            .values()
        ),
    )


# What the project page shows of the project (its texts, status, form and department).
PAGE_COLUMNS = (
    "id", "title", "status", "local_issue", "purpose", "form", "department__bureau",
    "department__name",
)  # fmt: skip


def _page_data(pk) -> tuple | None:
    """The project, its listed partners (pk and name) and its evaluated cycles' results, kept
    under the versions of what the page shows: another address or language reads nothing."""
    project = public_projects().filter(pk=pk).select_related(None).select_related("department")
    project = project.only(*PAGE_COLUMNS).first()
    if project is None:
        return None
    partners = [{"pk": p.partner.pk, "name": p.partner.name} for p in project.participations.all()]
    return project, partners, public_cycle_results(project)


@cacheable(_project_version, kinds=PROJECT_KINDS)
def project_detail(request, pk):
    data = kept_read("project-page", PROJECT_KINDS, lambda: _page_data(pk), pk)
    if data is None:
        raise Http404
    project, partners, results = data
    return render(
        request,
        "portal/public/project_detail.html",
        {
            "project": project,
            "partners": partners,
            "results": results,
            "meta": page_meta(request, project.title, project.purpose[:150], og_type="article"),
        },
    )
