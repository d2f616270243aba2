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


def import_settings(env):
    """Import the settings in a fresh process with exactly these variables; return the process."""
    keep = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "-c", "import newsroom.settings"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**keep, **env},
    )


def test_importing_settings_without_a_database_url_starts_nothing_and_says_why():
    result = import_settings({"SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL is not set" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    code = "import newsroom.wsgi"
    keep = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=keep)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def deploy_check(env):
    keep = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**keep, "DEBUG": "0", **env},
    )
    return result.stdout + result.stderr


def test_deploy_check_warns_when_several_workers_would_keep_separate_caches():
    assert "newsroom.W001" in deploy_check({"WEB_CONCURRENCY": "3"})
    assert "newsroom.W001" not in deploy_check({"WEB_CONCURRENCY": "3", "REDIS_URL": "redis://127.0.0.1:6379/9"})
    assert "newsroom.W001" not in deploy_check({"WEB_CONCURRENCY": "1"})


def test_deploy_check_warns_when_a_replica_has_no_shared_cache_to_learn_the_primarys_position_from():
    replica = {"DATABASE_REPLICA_URL": "postgres://newsroom@127.0.0.1:5433/newsroom", "WEB_CONCURRENCY": "1"}
    assert "newsroom.W002" in deploy_check(replica)
    assert "newsroom.W002" not in deploy_check({**replica, "REDIS_URL": "redis://127.0.0.1:6379/9"})
    assert "newsroom.W002" not in deploy_check({"WEB_CONCURRENCY": "1"})


def test_a_replica_url_adds_the_replica_its_router_and_middleware():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS, settings.MIDDLEWARE[-1], "
        "settings.DATABASES['replica']['TEST'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    env["DATABASE_REPLICA_URL"] = "postgres://newsroom@replica:5432/newsroom"
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env).stdout
    assert "['default', 'replica'] ['newsroom.dbrouter.ReplicaRouter'] newsroom.dbrouter.ReplicaMiddleware" in output
    assert "'MIRROR': 'default'" in output
