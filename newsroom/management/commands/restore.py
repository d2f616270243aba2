import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from newsroom import backups


class Command(BaseCommand):
    help = "Restore an archive made by `backup`: the database into an empty database, the media into MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database-url", help="restore into this (empty) database instead of the configured one")
        parser.add_argument("--media-root", help="restore the media here instead of MEDIA_ROOT")
        parser.add_argument("--photo-root", help="restore the photo library here instead of PHOTO_ROOT")

    def handle(self, *args, archive, database_url=None, media_root=None, photo_root=None, **options):
        database = dj_database_url.parse(database_url) if database_url else None
        try:
            backups.restore(archive, database, media_root, photo_root)
        except (backups.BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {archive}")
