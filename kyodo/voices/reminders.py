"""Overdue opinions in the daily reminder sweep (kyodo.core.reminder_sweep): each opinion past
its reply target is reminded once to the staff of its department, or, before it has one, to
the coordinators."""

from django.conf import settings
from django.template.loader import render_to_string

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.core.reminder_sweep import DueReminder
from kyodo.voices.models import Opinion


def _handlers():
    users = User.objects.filter(is_active=True).exclude(email="").prefetch_related("groups")
    staff_by_department: dict = {}
    coordinators = []
    for user in users:
        if user.has_role(Role.STAFF) and user.department_id:
            staff_by_department.setdefault(user.department_id, []).append(user)
        if user.has_role(Role.COORDINATOR):
            coordinators.append(user)
    return staff_by_department, coordinators


def due(today) -> list[DueReminder]:
    overdue = list(Opinion.objects.overdue(today).order_by("due_on"))
    if not overdue:
        return []
    staff_by_department, coordinators = _handlers()
    reminders = []
    for opinion in overdue:
        context = {"opinion": opinion, "today": today, "site_url": settings.KYODO_SITE_URL}
        reminders.append(
            DueReminder(
                kind="voices.opinion_overdue",
                subject_id=opinion.pk,
                due_on=opinion.due_on,
                recipients=staff_by_department.get(opinion.department_id, []) or coordinators,
                subject=render_to_string("voices/email/overdue_subject.txt", context).strip(),
                body=render_to_string("voices/email/overdue.txt", context),
            )
        )
    return reminders
