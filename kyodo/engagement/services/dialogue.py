"""Dialogue between citizens and staff (§5-2), and the local issues it raises."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import index_update
from kyodo.engagement.models import DialogueIssue, DialogueSession, IssueStatus
from kyodo.engagement.services.common import department_of_record, refuse_future, save_recorded
from kyodo.projects.services import project_create

SESSION_FIELDS = (
    "kind",
    "title",
    "date",
    "place",
    "topics",
    "citizens_count",
    "groups_count",
    "staff_count",
    "internal_note",
)


def _apply(session: DialogueSession, fields: dict) -> None:
    unknown = set(fields) - {*SESSION_FIELDS, "department"}
    if unknown:
        raise TypeError(f"unknown dialogue fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(session, name, value)
    refuse_future(session.date)


@transaction.atomic
def dialogue_create(*, actor, department=None, **fields) -> DialogueSession:
    """Record a dialogue session; staff record it for their own department."""
    bump("engagement")
    require_perm(actor, "engagement.create_dialogue")
    department = department_of_record(actor, department)
    session = DialogueSession(department=department)
    _apply(session, fields)
    save_recorded(session, actor)
    return session


@transaction.atomic
def dialogue_update(
    *, actor, session: DialogueSession, lock_version=None, **fields
) -> DialogueSession:
    bump("engagement")
    require_perm(actor, "engagement.change_dialogue", session)
    check_lock(DialogueSession, session, lock_version)
    _apply(session, fields)
    session.lock_version += 1
    save_recorded(session, actor)
    return session


@transaction.atomic
def issue_add(*, actor, session: DialogueSession, text: str) -> DialogueIssue:
    bump("engagement")
    require_perm(actor, "engagement.change_dialogue", session)
    issue = DialogueIssue(session=session, text=text.strip())
    save_recorded(issue, actor)
    index_update(session)  # the session's document holds the issues raised in it
    return issue


@transaction.atomic
def issue_set_status(
    *, actor, issue: DialogueIssue, status: str, reason: str = ""
) -> DialogueIssue:
    """Move an issue on: 「対応しない」 needs a reason; 「事業化」 comes only from a project."""
    bump("engagement")
    require_perm(actor, "engagement.change_dialogue", issue.session)
    if status == IssueStatus.PROJECT:
        raise ValidationError(
            {"status": _("An issue becomes a project with “Make it a draft project”.")}
        )
    if issue.project_id is not None:
        raise ValidationError({"status": _("This issue has become a project already.")})
    reason = reason.strip()
    if status == IssueStatus.DECLINED and not reason:
        raise ValidationError({"reason": _("Say why the issue is not taken up.")})
    issue.status = status
    issue.reason = reason
    save_recorded(issue, actor)
    return issue


@transaction.atomic
def issue_to_project(*, actor, issue: DialogueIssue, title: str):
    """Make a local issue raised in dialogue a draft project (an idea) of the session's department.

    The issue's text becomes the project's local issue (地域課題) word for word, and the issue
    keeps the link, so both sides show where the other came from.
    """
    bump("engagement")
    require_perm(actor, "engagement.issue_to_project", issue)
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the project a title.")})
    project = project_create(
        actor=actor,
        title=title,
        department=issue.session.department,
        local_issue=issue.text,
    )
    issue.project = project
    issue.status = IssueStatus.PROJECT
    issue.reason = ""
    save_recorded(issue, actor)
    return project
