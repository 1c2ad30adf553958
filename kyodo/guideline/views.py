"""The checklists as the city staff read them, and the coordinator's revision page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.core.permissions import object_permission_required, permission_required
from kyodo.guideline.forms import QuestionFormSet, RevisionNoteForm
from kyodo.guideline.models import Checklist, ModelClause
from kyodo.guideline.selectors import (
    checklists_with_current_versions,
    compare_versions,
    guideline_section,
)
from kyodo.guideline.services import checklist_revise


@permission_required("guideline.view_checklists")
def checklist_list(request):
    return render(
        request,
        "guideline/list.html",
        {
            "checklists": checklists_with_current_versions(),
            "clauses": ModelClause.objects.order_by("order"),
            "can_compare": request.user.has_perm("guideline.compare_versions"),
        },
    )


def _checklist(key: str) -> Checklist:
    checklist = Checklist.objects.filter(key=key).first()
    if checklist is None:
        raise Http404
    return checklist


@permission_required("guideline.view_checklists")
def checklist_detail(request, key):
    checklist = _checklist(key)
    versions = list(checklist.versions.select_related("created_by").order_by("-number"))
    wanted = request.GET.get("version")
    version = next((v for v in versions if str(v.number) == wanted), versions[0])
    return render(
        request,
        "guideline/detail.html",
        {
            "checklist": checklist,
            "versions": versions,
            "version": version,
            "questions": version.questions.order_by("order"),
            "section_blocks": guideline_section(checklist.section),
            "can_revise": request.user.has_perm("guideline.revise_checklists", checklist),
        },
    )


@permission_required("guideline.revise_checklists")
def checklist_revise_view(request, key):
    checklist = _checklist(key)
    current = checklist.versions.order_by("-number").first()
    initial = [
        {
            "group": q.group,
            "text": q.text,
            "help_text": q.help_text,
            "key": q.key,
            "favours": q.favours,
        }
        for q in current.questions.order_by("order")
    ]
    formset = QuestionFormSet(request.POST or None, initial=initial, prefix="q")
    note_form = RevisionNoteForm(request.POST or None)
    if request.method == "POST" and formset.is_valid() and note_form.is_valid():
        try:
            version = checklist_revise(
                actor=request.user,
                checklist=checklist,
                questions=[f.cleaned_data for f in formset.forms if f.cleaned_data],
                note=note_form.cleaned_data["note"],
            )
        except ValidationError as error:
            note_form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Version %(number)s of the checklist has been saved.")
                % {"number": version.number},
            )
            return redirect("guideline:detail", key=checklist.key)
    return render(
        request,
        "guideline/revise.html",
        {"checklist": checklist, "formset": formset, "note_form": note_form},
    )


def _number(value, default: int) -> int:
    return int(value) if (value or "").isdigit() else default


@object_permission_required(
    "guideline.compare_versions",
    Checklist.objects.all(),
    see="guideline.view_checklists",
    key="key",
)
def checklist_compare(request, checklist):
    """Two versions side by side (by default the newest and the one before it)."""
    versions = {v.number: v for v in checklist.versions.prefetch_related("questions")}
    newest = max(versions)
    new = versions.get(_number(request.GET.get("to"), newest)) or versions[newest]
    old = versions.get(_number(request.GET.get("from"), new.number - 1)) or new
    return render(
        request,
        "guideline/compare.html",
        {
            "checklist": checklist,
            "old": old,
            "new": new,
            "numbers": sorted(versions),
            "rows": compare_versions(old, new),
        },
    )
