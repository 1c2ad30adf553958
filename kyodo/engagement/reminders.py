"""Reminders of the promotion measures, sent by the daily sweep (kyodo.core.reminder_sweep): a
partnership agreement that is not renewed automatically, ending within
ENGAGEMENT_AGREEMENT_REMINDER_DAYS, to the staff of its department."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from kyodo.accounts.roles import Role
from kyodo.core.reminder_sweep import DueReminder
from kyodo.engagement import selectors


def due(today) -> list[DueReminder]:
    ending = list(selectors.agreements_ending(today))
    departments = {agreement.department_id for agreement in ending}
    staff: dict = {}
    for user in (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.STAFF.value, department__in=departments)
        .distinct()
    ):
        staff.setdefault(user.department_id, []).append(user)
    reminders = []
    for agreement in ending:
        context = {"agreement": agreement, "today": today}
        reminders.append(
            DueReminder(
                kind="engagement.agreement_ending",
                subject_id=agreement.pk,
                due_on=agreement.ends_on,
                recipients=staff.get(agreement.department_id, []),
                subject=render_to_string(
                    "engagement/email/agreement_ending_subject.txt", context
                ).strip(),
                body=render_to_string("engagement/email/agreement_ending_body.txt", context),
            )
        )
    return reminders
