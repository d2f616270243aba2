from django.core.cache import cache
from django.core.management.base import BaseCommand

from articles.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom (seminar article, organisations, demo users). Safe to run twice."

    def handle(self, *args, **options):
        logins = load_demo()
        cache.clear()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("Admin: http://127.0.0.1:8000/admin/  — demo logins:")
        for username, password, group in logins:
            self.stdout.write(f"  {username} / {password}   ({group})")
