"""A meeting's pages: its record, attendance with the quorum, materials and minutes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.councils import figures, selectors, services
from kyodo.councils.forms import (
    AttendanceForm,
    MaterialForm,
    MeetingForm,
    MinutesForm,
    OutcomeForm,
)
from kyodo.councils.services import MEETING_FIELDS
from kyodo.councils.views.access import council_view, material_view, meeting_view


def _meeting_form(request, council, meeting):
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        data = {key: form.cleaned_data[key] for key in MEETING_FIELDS}
        try:
            if meeting is None:
                meeting = services.meeting_create(actor=request.user, council=council, data=data)
            else:
                services.meeting_update(actor=request.user, meeting=meeting, data=data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("councils:meeting", pk=meeting.pk)
    context = {"form": form, "council": council, "meeting": meeting}
    return render(request, "councils/meeting_form.html", context)


@council_view("councils.edit_council")
def meeting_create(request, council):
    return _meeting_form(request, council, None)


@meeting_view("councils.edit_council")
def meeting_edit(request, meeting):
    return _meeting_form(request, meeting.council, meeting)


def _quorum(meeting, rows):
    attending = sum(1 for _term, status in rows if status in ("present", "proxy"))
    recorded = any(status for _term, status in rows)
    return {
        "members": len(rows),
        "attending": attending,
        "recorded": recorded,
        "met": figures.quorum_met(meeting.council.quorum, len(rows), attending),
    }


@meeting_view("councils.view_council")
def meeting_detail(request, meeting, attendance_form=None, minutes_form=None):
    user = request.user
    rows = selectors.meeting_attendance(meeting)
    return render(
        request,
        "councils/meeting_detail.html",
        {
            "meeting": meeting,
            "council": meeting.council,
            "rows": rows,
            "quorum": _quorum(meeting, rows),
            "attendance_form": attendance_form or AttendanceForm(rows=rows),
            "minutes_form": minutes_form or MinutesForm(initial={"text": meeting.minutes_text}),
            "materials": selectors.meeting_materials(meeting),
            "outcomes": selectors.meeting_outcomes(meeting),
            "can_edit": user.has_perm("councils.edit_council", meeting.council),
            "can_edit_minutes": user.has_perm("councils.edit_minutes", meeting),
            "can_approve": user.has_perm("councils.approve_minutes", meeting),
            "can_publish": user.has_perm("councils.publish_minutes", meeting),
        },
    )


@require_POST
@meeting_view("councils.edit_council")
def attendance_edit(request, meeting):
    form = AttendanceForm(request.POST, rows=selectors.meeting_attendance(meeting))
    if form.is_valid():
        try:
            services.attendance_record(
                actor=request.user, meeting=meeting, statuses=form.statuses()
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The attendance was recorded."))
            return redirect("councils:meeting", pk=meeting.pk)
    return meeting_detail.__wrapped__(request, meeting, attendance_form=form)


@require_POST
@meeting_view("councils.edit_minutes")
def minutes_edit(request, meeting):
    form = MinutesForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.minutes_save(
                actor=request.user,
                meeting=meeting,
                text=form.cleaned_data["text"],
                uploaded_file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect("councils:meeting", pk=meeting.pk)
    return meeting_detail.__wrapped__(request, meeting, minutes_form=form)


def _step(request, meeting, service, done):
    try:
        service(actor=request.user, meeting=meeting)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("councils:meeting", pk=meeting.pk)


@require_POST
@meeting_view("councils.edit_council")
def minutes_approve(request, meeting):
    return _step(request, meeting, services.minutes_approve, _("The minutes were approved."))


@require_POST
@meeting_view("councils.edit_council")
def minutes_publish(request, meeting):
    return _step(request, meeting, services.minutes_publish, _("The minutes were published."))


@meeting_view("councils.view_council")
def minutes_download(request, meeting):
    if not meeting.minutes_file:
        raise Http404
    return FileResponse(
        meeting.minutes_file.open("rb"), as_attachment=True, filename=meeting.minutes_file_name
    )


@meeting_view("councils.edit_council")
def material_add(request, meeting):
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.material_add(
                actor=request.user,
                meeting=meeting,
                uploaded_file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The material was added."))
            return redirect("councils:meeting", pk=meeting.pk)
    return render_form(request, form, meeting, _("Add a material"), multipart=True)


@material_view("councils.view_material")
def material_download(request, material):
    return FileResponse(
        material.file.open("rb"), as_attachment=True, filename=material.original_name
    )


@require_POST
@material_view("councils.edit_council", see="councils.view_council")
def material_delete(request, material):
    services.material_delete(actor=request.user, material=material)
    messages.success(request, _("The material was removed."))
    return redirect("councils:meeting", pk=material.meeting_id)


@meeting_view("councils.edit_council")
def outcome_add(request, meeting):
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.outcome_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        messages.success(request, _("The outcome was recorded."))
        return redirect("councils:meeting", pk=meeting.pk)
    return render_form(request, form, meeting, _("Record an outcome"))


def render_form(request, form, meeting, title, *, multipart=False):
    """A form page of one meeting (material, outcome, follow-up): a title, the form, back."""
    context = {"form": form, "meeting": meeting, "title": title, "multipart": multipart}
    return render(request, "councils/meeting_part_form.html", context)
