from django.core.management.base import BaseCommand

from kyodo.accounts.demo import ACCOUNTS
from kyodo.accounts.models import User
from kyodo.core.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo logins that exist in this database."

    def handle(self, *args, **options):
        existing = set(
            User.objects.filter(username__in=[a[0] for a in ACCOUNTS]).values_list(
                "username", flat=True
            )
        )
        if not existing:
            return
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
        for username, _name, _kana, role, _division in ACCOUNTS:
            if username in existing:
                self.stdout.write(f"  {username:<12} {role.label}")
        self.stdout.write("")
