from django.core.management.base import BaseCommand

from kyodo.guideline.city.dump import city_dump


class Command(BaseCommand):
    help = "Write the city (municipality, guideline, checklists) as a city file to stdout."

    def handle(self, *args, **options):
        self.stdout.write(city_dump(), ending="")
