"""Reading the checklists: the current version of each, with its questions."""

from django.db.models import Prefetch

from kyodo.guideline.models import Checklist, ChecklistVersion, Question


def current_version(key: str) -> ChecklistVersion | None:
    """The newest version of the checklist `key`, its questions prefetched in order."""
    return (
        ChecklistVersion.objects.filter(checklist__key=key)
        .select_related("checklist")
        .prefetch_related(Prefetch("questions", queryset=Question.objects.order_by("order")))
        .order_by("-number")
        .first()
    )


def checklists_with_current_versions() -> list[Checklist]:
    """Every checklist with `current` set to its newest version (two queries in all)."""
    checklists = list(Checklist.objects.all())
    versions = ChecklistVersion.objects.order_by("checklist_id", "-number").prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("order"))
    )
    newest: dict = {}
    for version in versions:
        newest.setdefault(version.checklist_id, version)
    for checklist in checklists:
        checklist.current = newest.get(checklist.pk)
    return checklists
