from django.core.management.base import BaseCommand

from search.index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild every article's search index (after a tokenizer change, a tag rename or a bulk update)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias to rebuild.")

    def handle(self, *args, database, **options):
        count = rebuild_index(using=database)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} articles."))
