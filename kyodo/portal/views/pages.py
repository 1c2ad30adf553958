"""The portal's fixed pages: the guideline, the citizens' charter, the accessibility policy."""

from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import versions
from kyodo.core.city import current_municipality
from kyodo.core.templatetags.kyodo import without_ruby
from kyodo.guideline.selectors import guideline_document
from kyodo.portal.http import cacheable, page_meta

# Bumped when the templates of the static pages change, so that browsers fetch them again.
STATIC_VERSION = "2026-12-03.2"


def static_version(request, *args, **kwargs):
    # Their text is the city's (its file): loading a city file bumps the "site" version.
    return f"{STATIC_VERSION}:{versions(('site',))[0]}"


@cacheable(static_version, kinds=())
def guideline_page(request):
    data = guideline_document()
    if data is None:
        raise Http404
    return render(
        request,
        "portal/guideline.html",
        {
            "guideline": data,
            "meta": page_meta(
                request,
                data["title"],
                _("The city's guideline for staff on collaboration with citizens."),
            ),
        },
    )


def _charter_title() -> str:
    municipality = current_municipality()
    title = municipality.charter_title if municipality else ""
    return without_ruby(title) or _("Citizen charter")


@cacheable(static_version, kinds=())
def charter_page(request):
    return render(
        request,
        "portal/charter.html",
        {
            "meta": page_meta(
                request, _charter_title(), _("The city's citizen charter and symbols.")
            )
        },
    )


def _contact_form_url() -> str | None:
    """The public opinion form, where anyone can write to the office (issue 17-10).

    Looked up by name, not imported: the portal does not depend on the voices app, and the
    policy page says only what this installation offers.
    """
    try:
        return reverse("voices:opinion_new")
    except NoReverseMatch:
        return None


@cacheable(static_version, kinds=())
def accessibility_page(request):
    return render(
        request,
        "portal/accessibility.html",
        {
            "contact_form_url": _contact_form_url(),
            "meta": page_meta(
                request,
                _("Web accessibility policy"),
                _("Our accessibility target (JIS X 8341-3:2016 AA), its scope and test results."),
            ),
        },
    )
