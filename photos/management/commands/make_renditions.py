"""Make the renditions photos are missing (after the migration that moved old photos into the library)."""

from django.core.management.base import BaseCommand

from photos.models import Photo
from photos.renditions import make_renditions


class Command(BaseCommand):
    help = "Make renditions for every library photo that has none yet; --all makes them again for every photo."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake every photo's renditions.")

    def handle(self, *args, **options):
        photos = Photo.objects.all() if options["all"] else Photo.objects.filter(rendition_formats="")
        made = 0
        for photo in photos.iterator():
            try:
                make_renditions(photo)
            except OSError as error:
                self.stderr.write(f"photo {photo.pk}: {error}")
                continue
            made += 1
        self.stdout.write(f"{made} photo(s) done.")
