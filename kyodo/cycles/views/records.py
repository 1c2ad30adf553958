"""Do: activity records and their files."""

from urllib.parse import quote

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from kyodo.core.permissions import object_permission_required
from kyodo.cycles import selectors, services
from kyodo.cycles.forms import ActivityRecordForm
from kyodo.cycles.models import ActivityRecord, Attachment
from kyodo.cycles.views.common import cycle_view, page, save_form


def _record_add(request, cycle, data):
    data = dict(data)
    files = [(upload.name, upload.read()) for upload in data.pop("files")]
    return services.activity_record_add(actor=request.user, cycle=cycle, files=files, **data)


@cycle_view()
def records(request, cycle):
    can_record = request.user.has_perm("cycles.record_activity", cycle)
    form = ActivityRecordForm(request.POST or None, request.FILES or None) if can_record else None
    response = save_form(
        request,
        form,
        lambda data: _record_add(request, cycle, data),
        _("The activity has been recorded."),
        reverse("cycles:records", args=[cycle.pk]),
    )
    return response or page(
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


@object_permission_required(
    "cycles.view_cycles",
    Attachment.objects.select_related("record__cycle__project__department"),
    pk="attachment_pk",
    record__cycle_id="pk",
)
def attachment(request, file):
    response = HttpResponse(bytes(file.content), content_type=file.content_type)
    # Served as a download so that an uploaded file can never run as a page of this site.
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(
        file.filename, safe=""
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
