"""Answering a survey and reading its results (public pages).

One answer per person: with an invitation, its one-time link; for an open survey, a signed
cookie per browser plus the per-address rate limit. The page states the limits of each.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import get_object_for
from kyodo.portal.http import page_meta
from kyodo.voices import results, selectors, services
from kyodo.voices.answer_form import AnswerForm
from kyodo.voices.models import SurveyAccess, SurveyItem
from kyodo.voices.throttle import client_address, count_sending, rate_limited

COOKIE_SALT = "kyodo.voices.answered"
COOKIE_AGE = 400 * 24 * 60 * 60


def _answered_cookie(survey) -> str:
    return f"voices_answered_{survey.pk.hex[:12]}"


def answered_in_this_browser(request, survey) -> bool:
    value = request.get_signed_cookie(_answered_cookie(survey), default=None, salt=COOKIE_SALT)
    return value == str(survey.pk)


def _survey(request, pk):
    return get_object_for(request.user, "voices.view_survey", selectors.public_surveys(), pk=pk)


def _refusal(request, survey, invitation) -> str | None:
    """Why this person may not answer now, or None."""
    if not survey.is_open():
        return _("This survey is not open for answers.")
    if survey.access == SurveyAccess.INVITATION:
        if invitation is None:
            return _("This survey is answered through the link sent to you by e-mail.")
        if invitation.used_on is not None:
            return _("This link has already been used to answer.")
    elif answered_in_this_browser(request, survey):
        return _("You have already answered this survey from this browser.")
    return None


@never_cache
def survey_answer(request, pk, secret=None):
    survey = _survey(request, pk)
    invitation = services.find_invitation(survey, secret)
    if secret and invitation is None:
        raise Http404
    items = list(survey.items.select_related("version"))
    form = AnswerForm(request.POST or None, survey=survey, items=items)
    refusal = _refusal(request, survey, invitation)
    if request.method == "POST" and refusal is None:
        response = _submit(request, survey, form, secret)
        if response is not None:
            return response
    context = {
        "survey": survey,
        "form": form,
        "refusal": refusal,
        "rate_limit": settings.VOICES_RATE_LIMIT_COUNT,
        "meta": page_meta(request, survey.title, survey.description[:120]),
    }
    status = 400 if form.errors else 200
    response = render(request, "voices/public/survey_answer.html", context, status=status)
    if secret:
        # The address holds the invitation's key: it must not leak to another site.
        response["Referrer-Policy"] = "no-referrer"
    return response


def _submit(request, survey, form, secret):
    address = client_address(request)
    limited = survey.access == SurveyAccess.OPEN and rate_limited("survey", address)
    if limited:
        form.add_error(None, _("Too many answers were sent from your connection. Please wait."))
        return None
    if not form.is_valid():
        return None
    try:
        services.response_submit(
            actor=request.user,
            survey=survey,
            given=form.given(),
            respondent_name=form.cleaned_data.get("respondent_name", ""),
            invitation_secret=secret,
        )
    except ValidationError as error:
        apply_service_error(form, error)
        return None
    count_sending("survey", address)
    messages.success(request, _("Thank you for answering the survey."))
    response = redirect("voices:survey_thanks", survey.pk)
    response.set_signed_cookie(
        _answered_cookie(survey),
        str(survey.pk),
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def survey_thanks(request, pk):
    survey = _survey(request, pk)
    return render(
        request,
        "voices/public/survey_thanks.html",
        {"survey": survey, "meta": page_meta(request, survey.title, "")},
    )


def survey_results(request, pk):
    survey = get_object_for(request.user, "voices.view_results", selectors.public_surveys(), pk=pk)
    items = list(survey.items.select_related("version__question"))
    choice_items = [i for i in items if i.is_choice_kind]
    by = _breakdown_by(request, choice_items)
    return render(
        request,
        "voices/public/survey_results.html",
        {
            "survey": survey,
            "results": results.survey_results(survey, items),
            "choice_items": choice_items,
            "by": by,
            "breakdowns": results.breakdowns(survey, by, items) if by else [],
            "years": _years(survey, items),
            "min_cell": settings.VOICES_MIN_CELL,
            "closed": survey.is_closed(),
            "meta": page_meta(request, _("Results: %(title)s") % {"title": survey.title}, ""),
        },
    )


def _breakdown_by(request, choice_items) -> SurveyItem | None:
    wanted = request.GET.get("by", "")
    return next((i for i in choice_items if str(i.pk) == wanted), None)


def _years(survey, items) -> list:
    """For each question asked in earlier closed surveys too: its results year on year."""
    codes = [item.version.question_id for item in items]
    earlier = (
        SurveyItem.objects.filter(
            version__question__in=codes, survey__in=selectors.closed_surveys()
        )
        .exclude(survey=survey)
        .select_related("survey", "version")
    )
    by_question: dict = {}
    for other in earlier:
        by_question.setdefault(other.version.question_id, []).append(other)
    found = []
    for item in items:
        if item.version.question_id in by_question and item.is_choice_kind:
            rows = results.year_on_year(item, [item, *by_question[item.version.question_id]])
            found.append((item, rows))
    return found
