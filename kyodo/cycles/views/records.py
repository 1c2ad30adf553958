"""Do: activity records and their files."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kyodo.cycles import selectors, services
from kyodo.cycles.forms import (
    ActivityRecordForm,
)
from kyodo.cycles.models import (
    ActivityRecord,
    Attachment,
)
from kyodo.cycles.views.common import (
    _apply_errors,
    _get_cycle,
    _page,
    cycle_view,
)

# --- do: activity records ------------------------------------------------------------------


@cycle_view()
def records(request, pk):
    cycle = _get_cycle(request, pk)
    can_record = cycle.status in services.RECORDING_PHASES and request.user.has_perm(
        "cycles.record_activity", cycle
    )
    form = ActivityRecordForm(request.POST or None, request.FILES or None) if can_record else None
    if request.method == "POST" and form is not None and form.is_valid():
        data = dict(form.cleaned_data)
        files = [(upload.name, upload.read()) for upload in data.pop("files")]
        try:
            services.activity_record_add(actor=request.user, cycle=cycle, files=files, **data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The activity has been recorded."))
            return redirect("cycles:records", pk=cycle.pk)
    return _page(
        request,
        "cycles/records.html",
        cycle.project,
        cycle=cycle,
        tab="records",
        form=form,
        records=ActivityRecord.objects.filter(cycle=cycle)
        .select_related("recorded_by")
        .prefetch_related("attachments"),
        totals=selectors.activity_totals(cycle),
    )


@cycle_view()
def attachment(request, pk, attachment_pk):
    cycle = _get_cycle(request, pk)
    file = Attachment.objects.filter(record__cycle=cycle, pk=attachment_pk).first()
    if file is None:
        raise Http404
    response = HttpResponse(bytes(file.content), content_type=file.content_type)
    # Served as a download so that an uploaded file can never run as a page of this site.
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + _quote(file.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")
