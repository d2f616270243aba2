import base64

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor

# Published in the README, like the demo passwords: for `make run` only, never for a real account.
DEMO_SECRET = "NEWSROOMDEMOEDITOR234567"  # noqa: S105


class Command(BaseCommand):
    help = "Give the demo editor an authenticator with the README's published secret (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("the demo secret is public: this runs only with DEBUG=1")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}: run `manage.py load_demo` first")
        key = base64.b32decode(DEMO_SECRET).hex()
        TOTPDevice.objects.filter(user=user).exclude(key=key).delete()
        TOTPDevice.objects.update_or_create(
            user=user, key=key, defaults={"name": twofactor.APP_DEVICE_NAME, "confirmed": True}
        )
        self.stdout.write(f"  {username}'s second factor: secret {DEMO_SECRET} in an authenticator app,")
        self.stdout.write(f"  or `.venv/bin/python manage.py otp_code {username}` for the current code.")
