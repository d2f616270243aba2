"""Settings for benchmarks: the real settings, plus a no-database reference view."""

import warnings

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# No collectstatic step in a benchmark: plain storage (pages are measured, not their CSS).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# WhiteNoise warns once per worker that STATIC_ROOT is missing; pages, not static files, are measured here.
warnings.filterwarnings("ignore", message="No directory at")
