"""The public pages of citizens' voices: sending an opinion, following it, published opinions
and the figures. They extend the portal's public template; none shows a sender's identity or
own words (only what staff wrote for publication)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import get_object_for
from kyodo.core.wareki import fiscal_year_label
from kyodo.portal.http import handles_bad_query, page_meta
from kyodo.portal.paging import page_of
from kyodo.voices import selectors, services
from kyodo.voices.charts import PercentChart, percent_chart
from kyodo.voices.forms import OpinionForm
from kyodo.voices.models import Opinion
from kyodo.voices.services.common import digest
from kyodo.voices.throttle import client_address, count_sending, rate_limited


def public_home(request):
    return render(
        request,
        "voices/public/home.html",
        {
            "opinions": list(selectors.public_opinions()[:5]),
            "figures": selectors.statistics_by_year()[:3],
            "open_surveys": list(selectors.open_surveys()[:10]),
            "closed_surveys": list(selectors.closed_surveys()[:10]),
            "meta": page_meta(
                request,
                _("Citizens' voices"),
                _("Send the city your opinion and read the city's replies and survey results."),
            ),
        },
    )


def opinion_new(request):
    form = OpinionForm(request.POST or None)
    if request.method != "POST":
        return _form_page(request, form)
    address = client_address(request)
    if form.is_spam:
        form.add_error(None, _("Your opinion could not be accepted. Please try again."))
    elif rate_limited("opinion", address):
        form.add_error(
            None, _("Too many opinions were sent from your connection. Please wait an hour.")
        )
    elif form.is_valid():
        try:
            opinion, secret = services.opinion_send(actor=request.user, **form.service_fields())
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            count_sending("opinion", address)
            messages.success(request, _("Thank you. Your opinion has been received."))
            return redirect(services.status_url(opinion, secret))
    return _form_page(request, form, status=400 if form.errors else 200)


def _form_page(request, form, status=200):
    return render(
        request,
        "voices/public/opinion_form.html",
        {
            "form": form,
            "target_days": _target_days(),
            "meta": page_meta(
                request,
                _("Send an opinion"),
                _("Opinions and requests to the city; no account is needed."),
            ),
        },
        status=status,
    )


def _target_days() -> int:
    return settings.VOICES_REPLY_TARGET_DAYS


@never_cache
def opinion_status(request, receipt_number, secret):
    """The sender's page: reached only with the secret link given when it was sent."""
    opinion = (
        Opinion.objects.select_related("reply", "department")
        .filter(receipt_number=receipt_number, access_digest=digest(secret))
        .first()
    )
    if opinion is None:
        raise Http404
    response = render(
        request,
        "voices/public/opinion_status.html",
        {
            "opinion": opinion,
            "meta": page_meta(request, _("Your opinion"), ""),
        },
    )
    # The address is the key: it must not leak to another site or into a search engine.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@handles_bad_query  # ?page=x is a 400 saying so, not a server error
def public_list(request):
    return render(
        request,
        "voices/public/opinion_list.html",
        {
            "page": page_of(request, selectors.public_opinions()),
            "meta": page_meta(
                request,
                _("Published opinions and replies"),
                _("Summaries of citizens' opinions with the city's replies."),
            ),
        },
    )


def public_opinion(request, pk):
    opinion = get_object_for(
        request.user, "voices.view_published_opinion", selectors.public_opinions(), pk=pk
    )
    return render(
        request,
        "voices/public/opinion_detail.html",
        {"opinion": opinion, "meta": page_meta(request, opinion.public_title, "")},
    )


def _year_charts(figures) -> list[PercentChart]:
    """The shares per fiscal year as charts (years without a reply have no bar)."""
    replied = [year for year in figures if year.replied]

    def rows(attribute):
        return [(fiscal_year_label(y.year), getattr(y, attribute), None) for y in replied]

    return [
        percent_chart("within", _("Replied within the target"), rows("within_target_percent")),
        percent_chart("reflected", _("Reflected (fully or partly)"), rows("reflected_percent")),
    ]


def statistics(request):
    figures = selectors.statistics_by_year()
    return render(
        request,
        "voices/public/statistics.html",
        {
            "figures": figures,
            "charts": _year_charts(figures),
            "target_days": _target_days(),
            "meta": page_meta(
                request,
                _("Opinions in figures"),
                _("Per fiscal year: received, replied, days to reply and how many were reflected."),
            ),
        },
    )
