"""Changes to the guideline's checklists."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.guideline.models import Checklist, ChecklistVersion, Question


@transaction.atomic
def checklist_revise(
    *, actor, checklist: Checklist, questions: list[dict], note: str = ""
) -> ChecklistVersion:
    """Add a new version with `questions` ({"text", "help_text", "group", "key", "favours"}
    each, in order; the last two optional).

    Older versions stay as they were, so an answer set keeps showing the questions it answered.
    """
    require_perm(actor, "guideline.revise_checklists", checklist)
    questions = [q for q in questions if (q.get("text") or "").strip()]
    if not questions:
        raise ValidationError(_("A checklist needs at least one question."), code="empty")
    # Lock the checklist row so that two coordinators saving at once get numbers 2 and 3.
    Checklist.objects.select_for_update().filter(pk=checklist.pk).first()
    last = checklist.versions.aggregate(last=Max("number"))["last"] or 0
    version = ChecklistVersion.objects.create(
        checklist=checklist,
        number=last + 1,
        note=note,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    for index, q in enumerate(questions, start=1):
        Question.objects.create(
            version=version,
            order=index,
            text=q["text"].strip(),
            help_text=(q.get("help_text") or "").strip(),
            group=(q.get("group") or "").strip(),
            key=(q.get("key") or "").strip(),
            favours=q.get("favours") or "",
        )
    return version
