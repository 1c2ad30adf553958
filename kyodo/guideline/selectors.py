"""Reading the checklists: the current version of each, with its questions."""

from dataclasses import dataclass

from django.db.models import Prefetch

from kyodo.guideline.models import (
    Checklist,
    ChecklistVersion,
    GuidelineText,
    ModelClause,
    Question,
)
from kyodo.guideline.text import Block, parse, section


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


def guideline_text() -> GuidelineText | None:
    return GuidelineText.objects.order_by("created_at").first()


def guideline_document() -> dict | None:
    """{"title", "meta", "blocks", "toc"} of the city's guideline for its page (one query)."""
    text = guideline_text()
    if text is None:
        return None
    meta = " ".join(part for part in (text.issued, text.issuer) if part)
    return {"title": text.title, "meta": meta, **parse(text.body)}


def guideline_section(ref: str) -> list[Block]:
    """The guideline's blocks under `ref` (a checklist's `section`, e.g. "§3-(1)-①")."""
    text = guideline_text()
    return section(text.body, ref) if text else []


def model_clauses(form: str) -> list[ModelClause]:
    """The city's model clauses for agreements of collaboration form `form` (e.g. "itaku")."""
    return list(ModelClause.objects.filter(form=form).order_by("order"))


def suitability_favours(version: ChecklistVersion) -> dict:
    """{question id: "yes" | "no"}: which answer to each question speaks for collaboration."""
    return {q.pk: q.favours for q in version.questions.all() if q.favours}


@dataclass
class ComparedQuestion:
    status: str  # "same", "changed", "added", "removed"
    old: Question | None
    new: Question | None


def _same(old: Question, new: Question) -> bool:
    return (old.group, old.text, old.help_text, old.favours) == (
        new.group,
        new.text,
        new.help_text,
        new.favours,
    )


def compare_versions(old: ChecklistVersion, new: ChecklistVersion) -> list[ComparedQuestion]:
    """Rows of old and new questions side by side, matched by key (by position when a
    question has no key, e.g. one added on the revision page)."""
    olds = sorted(old.questions.all(), key=lambda q: q.order)
    news = sorted(new.questions.all(), key=lambda q: q.order)
    by_key = {q.key: q for q in olds if q.key}
    unmatched = [q for q in olds if not q.key]
    used: set = set()
    rows = []
    for question in news:
        match = by_key.get(question.key) if question.key else None
        if match is None and not question.key and unmatched:
            match = unmatched.pop(0)
        if match is None:
            rows.append(ComparedQuestion("added", None, question))
            continue
        used.add(match.pk)
        status = "same" if _same(match, question) else "changed"
        rows.append(ComparedQuestion(status, match, question))
    rows += [ComparedQuestion("removed", q, None) for q in olds if q.pk not in used]
    return rows
