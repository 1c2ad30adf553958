"""Staff trainings (§5-4): the list, attendance recorded by the organisers, and feedback."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required
from kyodo.engagement import selectors, services
from kyodo.engagement.forms import (
    AttendanceForm,
    FeedbackForm,
    TrainingForm,
    attendance_candidates,
)
from kyodo.engagement.models import TrainingAttendance
from kyodo.engagement.views.access import page_of, training_view


@permission_required("engagement.view_trainings")
def training_list(request):
    trainings = selectors.trainings().order_by("-date", "-created_at")
    return render(request, "engagement/training_list.html", {"page": page_of(request, trainings)})


def _save(request, form, training=None):
    try:
        if training is None:
            return services.training_create(
                actor=request.user, department=request.user.department, **form.service_fields()
            )
        return services.training_update(
            actor=request.user, training=training, **form.service_fields()
        )
    except ValidationError as error:
        apply_service_error(form, error)
        return None


@permission_required("engagement.create_training")
def training_new(request):
    form = TrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (training := _save(request, form)):
        messages.success(request, _("The training has been recorded."))
        return redirect("engagement:training_detail", training.pk)
    return render(request, "engagement/training_form.html", {"form": form})


@training_view("engagement.change_training")
def training_edit(request, training):
    form = TrainingForm(request.POST or None, instance=training)
    if request.method == "POST" and form.is_valid() and _save(request, form, training):
        messages.success(request, _("The training has been saved."))
        return redirect("engagement:training_detail", training.pk)
    return render(request, "engagement/training_form.html", {"form": form, "training": training})


@training_view("engagement.view_training")
def training_detail(request, training):
    runs_it = request.user.has_perm("engagement.change_training", training)
    context = {
        "training": training,
        "runs_it": runs_it,
        "may_give_feedback": request.user.has_perm("engagement.give_feedback", training)
        and not training.feedback.filter(attendee=request.user).exists(),
    }
    if runs_it:
        context.update(
            attendance=training.attendance.select_related("attendee", "department").order_by(
                "department__sort_order", "attendee__display_name_kana"
            ),
            attendance_form=AttendanceForm(candidates=attendance_candidates(training)),
            results=selectors.training_results(training),
            comments=training.feedback.exclude(comment="").values_list("comment", flat=True),
        )
    return render(request, "engagement/training_detail.html", context)


@require_POST
@training_view("engagement.change_training")
def attendance_add(request, training):
    form = AttendanceForm(request.POST, candidates=attendance_candidates(training))
    if form.is_valid():
        try:
            services.attendance_record(
                actor=request.user, training=training, attendees=form.cleaned_data["attendees"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Attendance has been recorded."))
    else:
        messages.error(
            request, _("Choose the staff who attended; people already recorded are not listed.")
        )
    return redirect("engagement:training_detail", training.pk)


@require_POST
@training_view("engagement.change_training")
def attendance_delete(request, training, attendance_id):
    attendance = TrainingAttendance.objects.filter(training=training, pk=attendance_id).first()
    if attendance is not None:
        services.attendance_remove(actor=request.user, attendance=attendance)
        messages.success(request, _("The attendance record has been removed."))
    return redirect("engagement:training_detail", training.pk)


@training_view("engagement.give_feedback", see="engagement.view_training")
def feedback(request, training):
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(actor=request.user, training=training, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Thank you: your feedback has been recorded."))
            return redirect("engagement:training_detail", training.pk)
    return render(request, "engagement/feedback_form.html", {"training": training, "form": form})
