"""This app's part of the daily reminder sweep (found by kyodo.core.plugins.reminder_senders)."""

from kyodo.voices.services import overdue_reminders_send


def send(today=None) -> int:
    return overdue_reminders_send(actor=None, today=today)
