from django.core.management.base import BaseCommand

from kyodo.core.search import registry
from kyodo.core.search.index import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the Japanese search index of every registered document type (or of KIND)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="e.g. partners.partner")

    def handle(self, *args, kinds, **options):
        for kind in kinds or [searchable.kind for searchable in registry.all_types()]:
            count = index_rebuild(kind)
            self.stdout.write(f"{kind}: {count}")
