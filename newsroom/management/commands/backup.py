from django.core.management.base import BaseCommand, CommandError

from newsroom import backups


class Command(BaseCommand):
    help = (
        "Write a dated archive of the database (pg_dump, custom format), the media and the photo library to BACKUP_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="where to write the archive (default: BACKUP_DIR)")

    def handle(self, *args, output_dir=None, **options):
        try:
            archive = backups.backup(output_dir)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
