"""The agreement (協定書): its draft, generated documents, finalising and downloads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.exports import attachment_disposition, file_name_part
from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.guideline.selectors import model_clauses
from kyodo.projects import selectors, services
from kyodo.projects.agreement_forms import AgreementForm
from kyodo.projects.clauses import clause_initial
from kyodo.projects.models import Agreement, AgreementDocument
from kyodo.projects.parties import parties as project_parties
from kyodo.projects.views.roles import city_name
from kyodo.projects.views.workspace import project_view, render_workspace

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@project_view()
def agreement(request, project):
    existing = selectors.agreement_of(project)
    initial = {"lock_version": existing.lock_version} if existing else {}
    # A new agreement starts from the city's model clauses of its form; an existing one gets
    # them in its empty fields on request (?clauses=1), to be read and saved like any edit.
    clauses = model_clauses(project.form) if project.form else []
    offer_clauses = existing is None or request.GET.get("clauses") == "1"
    if offer_clauses:
        initial |= clause_initial(clauses, existing)
    parties = project_parties(project, city_name(request))
    form = AgreementForm(
        request.POST or None, instance=existing, initial=initial, project=project, parties=parties
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.agreement_save(
                actor=request.user,
                project=project,
                lock_version=form.cleaned_data.get("lock_version"),
                other_signatories=form.other_signatories(),
                **data,
            )
        except ValidationError as error:
            apply_service_error(form, error, current_lock_version(Agreement, project=project))
        else:
            messages.success(request, _("The agreement has been saved."))
            return redirect("projects:agreement", pk=project.pk)
    documents = (
        AgreementDocument.objects.filter(agreement=existing)
        .select_related("generated_by")
        .defer("docx", "pdf")
        if existing
        else []
    )
    return render_workspace(
        request,
        project,
        "agreement",
        form=form,
        agreement=existing,
        documents=documents,
        missing=selectors.agreement_missing(project) if existing else [],
        clauses=clauses,
        clauses_offered=offer_clauses and existing is not None,
        can_edit_agreement=request.user.has_perm("projects.edit_agreement", project),
    )


def _agreement_or_404(project) -> Agreement:
    agreement = selectors.agreement_of(project)
    if agreement is None:
        raise Http404
    return agreement


@require_POST
@project_view("projects.edit_workspace")
def agreement_generate(request, project):
    document = services.agreement_generate(actor=request.user, agreement=_agreement_or_404(project))
    messages.success(
        request,
        _("Version %(number)s of the documents has been generated.") % {"number": document.number},
    )
    return redirect("projects:agreement", pk=project.pk)


@require_POST
@project_view("projects.decide")
def agreement_finalise(request, project):
    try:
        services.agreement_finalise(actor=request.user, agreement=_agreement_or_404(project))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The agreement has been finalised."))
    return redirect("projects:agreement", pk=project.pk)


@project_view()
def agreement_download(request, project, number, fmt):
    document = AgreementDocument.objects.filter(agreement__project=project, number=number).first()
    if document is None or fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(bytes(getattr(document, fmt)), content_type=CONTENT_TYPES[fmt])
    # 「協定書_花いっぱい運動_第1版.docx」: what the office files it under.
    kind = document.agreement.get_kind_display()
    name = f"{file_name_part(kind)}_{file_name_part(project.title)}_第{number}版.{fmt}"
    response["Content-Disposition"] = attachment_disposition(name, f"agreement_v{number}.{fmt}")
    return response
