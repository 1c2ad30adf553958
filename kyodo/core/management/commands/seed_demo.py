from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kyodo.core.demo import seed_all


class Command(BaseCommand):
    help = (
        "Load the sample data (網走市, departments, one account per role). Refuses with DEBUG off."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has accounts (used by `make run`).",
        )

    def handle(self, *args, if_empty=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off: sample accounts with a known password "
                "must never reach a production database."
            )
        if if_empty and get_user_model().objects.exists():
            self.stdout.write("The database already has accounts; sample data not loaded.")
            return
        with transaction.atomic():
            seed_all()
        self.stdout.write(self.style.SUCCESS("Sample data loaded."))
