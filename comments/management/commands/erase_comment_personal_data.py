import datetime

from captcha.models import CaptchaStore
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Erase the IP address and e-mail of comments older than COMMENTS_PERSONAL_DATA_DAYS (90) days, "
        "and expired anti-spam challenges. Safe to run daily: what is erased stays erased, nothing else changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Keep personal data this many days instead of the setting."
        )

    def handle(self, *args, days=None, **options):
        days = settings.COMMENTS_PERSONAL_DATA_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days cannot be negative.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        erased = Comment.objects.erase_personal_data(older_than=cutoff)
        CaptchaStore.remove_expired()
        self.stdout.write(
            f"Erased the IP address and e-mail of {erased} comment(s) written before {cutoff:%Y-%m-%d %H:%M} UTC."
        )
