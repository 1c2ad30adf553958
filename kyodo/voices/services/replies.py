"""Replies: drafted by the department, approved by a coordinator or the department's approver.

One reply may answer several similar opinions at once; approving it replies to all of them
(status 回答済, the reply clock stops) and tells each sender who left an e-mail address.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import require_perm
from kyodo.voices.models import Opinion, OpinionStatus, Reflection, Reply
from kyodo.voices.services.common import now_or_clock, refuse
from kyodo.voices.services.opinions import _mail_sender

REPLY_FIELDS = ("body", "reflection", "reflection_reason", "project")


def _check_reply(fields: dict) -> None:
    if not fields.get("body", "").strip():
        refuse(_("Write the reply."), "empty", "body")
    if fields.get("reflection") not in Reflection.values:
        refuse(_("Choose how the opinion was reflected."), "reflection", "reflection")
    reason = fields.get("reflection_reason", "").strip()
    if fields["reflection"] == Reflection.NOT_POSSIBLE and not reason:
        refuse(
            _("Say why the opinion cannot be reflected."), "reason_required", "reflection_reason"
        )


@transaction.atomic
def reply_draft(*, actor, opinions: list[Opinion], **fields) -> Reply:
    """Draft one reply to one or several opinions of the same department."""
    if not opinions:
        refuse(_("Choose at least one opinion to reply to."), "no_opinions")
    locked = list(Opinion.objects.select_for_update().filter(pk__in=[o.pk for o in opinions]))
    for opinion in locked:
        require_perm(actor, "voices.draft_reply", opinion)
        if opinion.reply_id is not None:
            refuse(
                _("Opinion %(number)s already has a reply.") % {"number": opinion},
                "has_reply",
            )
    departments = {opinion.department_id for opinion in locked}
    if len(departments) != 1:
        refuse(_("A joint reply answers opinions of one department only."), "departments")
    _check_reply(fields)
    reply = Reply.objects.create(
        department_id=departments.pop(), drafted_by=actor, **_reply_values(fields)
    )
    for opinion in locked:  # one history record per opinion, as for any change
        opinion.reply = reply
        opinion.save(update_fields=["reply", "updated_at"])
    return reply


def _reply_values(fields: dict) -> dict:
    unknown = set(fields) - set(REPLY_FIELDS)
    if unknown:
        raise TypeError(sorted(unknown))
    values = dict(fields)
    values["body"] = values["body"].strip()
    values["reflection_reason"] = values.get("reflection_reason", "").strip()
    return values


@transaction.atomic
def reply_update(*, actor, reply: Reply, lock_version: int | None = None, **fields) -> Reply:
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    require_perm(actor, "voices.edit_reply", reply)
    bump("voices")  # the portal's cached search shows published opinions and surveys
    check_lock(Reply, reply, lock_version)
    _check_reply(fields)
    for name, value in _reply_values(fields).items():
        setattr(reply, name, value)
    reply.lock_version += 1
    reply.save()
    return reply


@transaction.atomic
def reply_approve(*, actor, reply: Reply, now=None) -> Reply:
    """Approve the reply: every opinion it answers is replied to now."""
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    require_perm(actor, "voices.approve_reply", reply)
    bump("voices")  # the portal's cached search shows published opinions and surveys
    if (
        actor is not None
        and reply.drafted_by_id == actor.pk
        and not actor.has_perm("voices.see_every_department")
    ):
        # Four eyes: an approver of the department does not approve their own draft.
        refuse(_("Someone other than the drafter must approve this reply."), "own_draft")
    when = now_or_clock(now)
    reply.approved_by = actor
    reply.approved_at = when
    reply.save()
    for opinion in Opinion.objects.select_for_update().filter(reply=reply):
        opinion.status = OpinionStatus.REPLIED
        opinion.replied_at = when
        opinion.save()
        _mail_sender(opinion, "replied", {"reply": reply})
    return reply
