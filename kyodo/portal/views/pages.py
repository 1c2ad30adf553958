"""The portal's fixed pages: the guideline, the citizens' charter, the accessibility policy."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from kyodo.portal.guideline import guideline
from kyodo.portal.http import cacheable, page_meta

# Bumped when the text of the static pages changes, so that browsers fetch them again.
STATIC_VERSION = "2026-11-29.2"


def static_version(request, *args, **kwargs):
    return STATIC_VERSION


@cacheable(static_version, kinds=())
def guideline_page(request):
    data = guideline()
    return render(
        request,
        "portal/guideline.html",
        {
            "guideline": data,
            "meta": page_meta(
                request,
                data["title"],
                _("The city's guideline for staff on collaboration with citizens (2017)."),
            ),
        },
    )


@cacheable(static_version, kinds=())
def charter_page(request):
    return render(
        request,
        "portal/charter.html",
        {"meta": page_meta(request, "網走市民憲章", _("The Abashiri citizens' charter (1972)."))},
    )


@cacheable(static_version, kinds=())
def accessibility_page(request):
    return render(
        request,
        "portal/accessibility.html",
        {
            "meta": page_meta(
                request,
                _("Web accessibility policy"),
                _("Our accessibility target (JIS X 8341-3:2016 AA), its scope and test results."),
            )
        },
    )
