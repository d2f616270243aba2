"""Settings for benchmarks: the real settings, plus a no-database reference view."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# No collectstatic step in a benchmark: plain storage (pages are measured, not their CSS).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
