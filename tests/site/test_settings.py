"""Production settings load what they name."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_in_a_fresh_process(env):
    """Import newsroom.settings with this environment and report what it chose."""
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "from django.core.cache import caches; "
        "print(settings.DEBUG, settings.CACHES['default']['BACKEND'], type(caches['default']).__name__)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
    ).stdout.split()


def test_debug_is_off_unless_asked_for():
    env = {key: "" for key in ["DEBUG"]}
    assert settings_in_a_fresh_process(env)[0] == "False"


def test_redis_url_selects_the_redis_cache_and_its_client_is_installed():
    _debug, backend, cache_class = settings_in_a_fresh_process({"REDIS_URL": "redis://127.0.0.1:6379/9"})
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert cache_class == "RedisCache"
    assert importlib.util.find_spec("redis") is not None  # the backend needs the redis package at first use
