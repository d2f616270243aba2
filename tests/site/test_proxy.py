"""Two app servers behind the repository's nginx configuration, sharing one Redis and one PostgreSQL.

nginx (Debian's, `make test` installs it) runs deploy/nginx.conf.template filled in the way the nginx
image fills it in docker-compose.yml, with loopback ports and folders under .data/; two gunicorn
processes (DEBUG off) serve the app behind it. Docker itself cannot run here, so docker-compose.yml is
checked for its shape.
"""

import os
import shutil
import string
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import yaml

from newsroom import embedded_db
from tests.site.test_outages import REDIS_SERVER, PrivatePostgres, Redis, free_port, get
from tests.site.test_read_replica import DEMO_ID, STAFF_SESSION, WITHDRAW, sql
from tests.site.test_settings import ROOT

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
SHARED_CACHE_SECONDS = 2

MAIN_CONFIG = """
daemon off;
worker_processes 1;
user www-data;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 128; }}
http {{
    access_log {run}/access.log;
    client_body_temp_path {run}/client_body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include {run}/newsroom.conf;
}}
"""


def site_config(variables):
    """The template filled in like the nginx image's envsubst: only the variables given, nginx's own left alone."""
    template = (ROOT / "deploy" / "nginx.conf.template").read_text()
    filled = string.Template(template).safe_substitute(variables)
    assert "${NEWSROOM_" not in filled
    return filled


def request(url, cookie=None, method="GET", host=None):
    """(status, headers, body) through urllib, with an optional Cookie header and Host."""
    headers = {"Cookie": cookie} if cookie else {}
    if host:
        headers["Host"] = host
    prepared = urllib.request.Request(url, headers=headers, method=method)  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(prepared, timeout=10) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_for(url):
    for _ in range(150):
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


class Site:
    def __init__(self, proxy, apps, env, staff_cookie, primary_dir, gunicorns):
        self.proxy, self.apps, self.env = proxy, apps, env
        self.staff_cookie, self.primary_dir, self.gunicorns = staff_cookie, primary_dir, gunicorns

    def manage_shell(self, code):
        command = [sys.executable, "manage.py", "shell", "-c", code]
        subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def site():
    if NGINX is None or REDIS_SERVER is None:
        pytest.fail("nginx or redis-server is missing: `make test` installs both (Debian packages)")
    base = embedded_db.DATA_DIR / "test-proxy"
    shutil.rmtree(base, ignore_errors=True)
    (base / "pg").mkdir(parents=True)
    (base / "media").mkdir()
    database = PrivatePostgres(base / "pg")
    redis = Redis(free_port())
    redis.start()
    processes = []
    try:
        env = {
            **os.environ,
            "DATABASE_URL": database.url,
            "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
            "DJANGO_SETTINGS_MODULE": "tests.site.proxy_settings",
            "DEBUG": "0",
            "SHARED_CACHE_SECONDS": str(SHARED_CACHE_SECONDS),
            "ALLOWED_HOSTS": "127.0.0.1",
            "WEB_CONCURRENCY": "1",
        }
        command = [sys.executable, "manage.py", "shell", "-c", STAFF_SESSION]
        session_key = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
        apps = []
        for number in (1, 2):
            port = free_port()
            gunicorn = [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}"]
            log = (base / f"app{number}.log").open("w")
            processes.append(subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log))
            apps.append(f"http://127.0.0.1:{port}")
        proxy_port = free_port()
        variables = {
            "NEWSROOM_LISTEN": f"127.0.0.1:{proxy_port}",
            "NEWSROOM_APP_SERVERS": " ".join(f"server {app.removeprefix('http://')};" for app in apps),
            "NEWSROOM_CACHE_DIR": str(base / "cache"),
            "NEWSROOM_MEDIA_ROOT": f"{base / 'media'}/",
        }
        (base / "newsroom.conf").write_text(site_config(variables))
        (base / "nginx.conf").write_text(MAIN_CONFIG.format(run=base))
        nginx = [NGINX, "-p", str(base), "-c", str(base / "nginx.conf")]
        subprocess.run([*nginx, "-t", "-q"], check=True, capture_output=True)
        processes.append(subprocess.Popen(nginx, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for app in apps:
            wait_for(app + "/bench/reference/")
        proxy = f"http://127.0.0.1:{proxy_port}"
        wait_for(proxy + "/bench/reference/")
        primary_dir = database.server.get_postmaster_info().socket_dir
        staff_cookie = f"sessionid={session_key.strip().splitlines()[-1]}"
        yield Site(proxy, apps, env, staff_cookie, primary_dir, processes[:2])
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(10)
        redis.stop()
        database.stop()
        shutil.rmtree(base, ignore_errors=True)


def test_anonymous_pages_are_served_from_the_proxy_cache(site):
    status, headers, _body = request(site.proxy + "/reporters/")
    assert status == 200
    assert headers["X-Proxy-Cache"] == "MISS"
    assert headers["Cache-Control"] == f"public, max-age=0, s-maxage={SHARED_CACHE_SECONDS}"
    assert request(site.proxy + "/reporters/")[1]["X-Proxy-Cache"] == "HIT"


def test_both_app_servers_share_one_page_cache(site):
    first, second = site.apps
    public = urllib.parse.urlsplit(site.proxy).netloc  # the Host the proxy passes to either (nginx: $http_host)
    assert "X-Page-Cache" not in request(first + "/organisations/?shared=1", host=public)[1]
    assert request(second + "/organisations/?shared=1", host=public)[1]["X-Page-Cache"] == "hit"


def test_a_withdrawn_story_leaves_the_proxied_front_page_within_the_shared_cache_time(site):
    link = f"/news/{sql(site.primary_dir, DEMO_ID)}/"
    request(site.proxy + "/")
    _status, headers, front = request(site.proxy + "/")
    assert headers["X-Proxy-Cache"] == "HIT"
    assert link in front
    site.manage_shell(WITHDRAW)
    withdrawn_at = time.monotonic()
    while link in request(site.proxy + "/")[2]:
        assert time.monotonic() - withdrawn_at < SHARED_CACHE_SECONDS + 1.5, "the proxy kept the withdrawn story"
        time.sleep(0.1)
    assert request(site.proxy + link)[0] == 404
    assert request(site.proxy + link)[1]["X-Proxy-Cache"] != "HIT"


@pytest.mark.parametrize("cookie", ["sessionid", "read_primary=1"], ids=["staff", "just-wrote"])
def test_logged_in_and_just_written_requests_are_never_answered_from_the_proxy_cache(site, cookie):
    cookie = site.staff_cookie if cookie == "sessionid" else cookie
    request(site.proxy + "/events/")
    assert request(site.proxy + "/events/")[1]["X-Proxy-Cache"] == "HIT"
    for _ in range(2):
        status, headers, _body = request(site.proxy + "/events/", cookie=cookie)
        assert status == 200
        assert headers["X-Proxy-Cache"] == "BYPASS"
        assert "private" in headers["Cache-Control"]


def test_answers_that_set_a_cookie_are_never_cached(site):
    for url in ["/test/reader-cookie/", "/test/public-cookie/"]:
        for _ in range(2):
            status, headers, _body = request(site.proxy + url)
            assert status == 200
            assert headers["Set-Cookie"].startswith("visited=1")
            assert headers["X-Proxy-Cache"] == "MISS"
    assert "private" in request(site.proxy + "/test/reader-cookie/")[1]["Cache-Control"]


def test_the_desk_previews_and_posts_are_never_cached(site):
    for url in ["/admin/login/", "/preview/1/", "/preview/s/not-a-token/"]:
        for _ in range(2):
            headers = request(site.proxy + url)[1]
            assert "X-Proxy-Cache" not in headers
    for _ in range(2):
        assert request(site.proxy + "/reporters/", method="POST")[1]["X-Proxy-Cache"] != "HIT"


def test_with_both_app_servers_down_readers_get_the_proxys_last_copy(site):
    request(site.proxy + "/section/policy/")
    assert request(site.proxy + "/section/policy/")[1]["X-Proxy-Cache"] == "HIT"
    for gunicorn in site.gunicorns:
        gunicorn.terminate()
        gunicorn.wait(10)
    time.sleep(SHARED_CACHE_SECONDS + 0.5)
    status, headers, _body = request(site.proxy + "/section/policy/")
    assert status == 200
    assert headers["X-Proxy-Cache"] == "STALE"
    assert request(site.proxy + "/section/industry/?never-cached=1")[0] == 502


def test_docker_compose_runs_two_app_servers_behind_the_caching_proxy_with_one_redis():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    apps = [name for name in services if name.startswith("app")]
    assert len(apps) == 2
    for name in apps:
        app = services[name]
        assert app["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert "media:/app/media" in app["volumes"]
        assert "ports" not in app  # readers reach the apps only through the proxy
        assert set(app["depends_on"]) >= {"db", "redis"}
    proxy = services["proxy"]
    assert set(proxy["depends_on"]) >= set(apps)
    assert "./deploy/nginx.conf.template:/etc/nginx/templates/default.conf.template:ro" in proxy["volumes"]
    assert any(volume.startswith("media:") for volume in proxy["volumes"])
    assert any(volume.startswith("proxy-cache:") for volume in proxy["volumes"])
    servers = proxy["environment"]["NEWSROOM_APP_SERVERS"]
    assert all(f"server {name}:8000;" in servers for name in apps)
    assert {"pgdata", "media", "proxy-cache"} <= set(compose["volumes"])
