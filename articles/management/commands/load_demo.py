import os

from django.core.management.base import BaseCommand

from articles.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom (seminar article, organisations, demo users). Safe to run twice."

    def handle(self, *args, **options):
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Site: http://127.0.0.1:{port}/   Admin: http://127.0.0.1:{port}/admin/   Demo logins:")
        for username, password, group in logins:
            self.stdout.write(f"  {username} / {password}   ({group})")
