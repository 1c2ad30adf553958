"""Overdue opinions in the daily reminder sweep (kyodo.cycles.tasks.send_reminders runs every
app's `reminders.py`; see kyodo.core.plugins). Each handler of an overdue opinion is told once."""

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.core.permissions import require_perm
from kyodo.voices.models import Opinion, OverdueReminder


def _recipients(opinion: Opinion, staff_by_department: dict, coordinators: list) -> list:
    return staff_by_department.get(opinion.department_id, []) or coordinators


def overdue_reminders_send(*, actor=None, today=None) -> int:
    """Tell the department (or, before assignment, the coordinators) of each overdue opinion."""
    require_perm(actor, "voices.send_reminders")
    today = today or timezone.localdate()
    overdue = list(Opinion.objects.overdue(today).order_by("due_on"))
    if not overdue:
        return 0
    users = User.objects.filter(is_active=True).exclude(email="").prefetch_related("groups")
    staff_by_department: dict = {}
    coordinators = []
    for user in users:
        if user.has_role(Role.STAFF) and user.department_id:
            staff_by_department.setdefault(user.department_id, []).append(user)
        if user.has_role(Role.COORDINATOR):
            coordinators.append(user)
    sent = 0
    with translation.override("ja"):
        for opinion in overdue:
            for user in _recipients(opinion, staff_by_department, coordinators):
                sent += _deliver(opinion, user, today)
    return sent


def _deliver(opinion: Opinion, user, today) -> int:
    context = {
        "opinion": opinion,
        "user": user,
        "today": today,
        "site_url": settings.KYODO_SITE_URL,
    }
    subject = render_to_string("voices/email/overdue_subject.txt", context).strip()
    body = render_to_string("voices/email/overdue.txt", context)
    try:
        with transaction.atomic():
            OverdueReminder.objects.create(opinion=opinion, recipient=user)
            transaction.on_commit(partial(send_mail, subject, body, None, [user.email]))
    except IntegrityError:  # told already
        return 0
    return 1
