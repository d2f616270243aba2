#!/usr/bin/env python
"""Reader-page throughput under gunicorn, against a no-database reference in the same run.

    .venv/bin/python bench/pages.py [--articles 2000] [--seconds 10] [--connections 8]

Uses its own database (newsroom_bench_pages) on the same server as the site,
fills it with the demo content plus --articles published articles, starts
gunicorn (2 sync workers, one per core) and loads each page with wrk (Debian's
`wrk`, installed when missing) twice: rendered every time (page cache off) and
served from the page cache (per-process memory, or Redis when REDIS_URL is
set). Prints requests/s of both, their share of the reference's rate, and the
SQL queries a rendered page runs.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = 8765
BENCH_DB = "newsroom_bench_pages"  # bench/search.py drops and rebuilds newsroom_bench


def bench_database_url():
    """The site's database server, but the newsroom_bench database on it (created if missing)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    from newsroom import devenv

    devenv.apply()
    url = os.environ["DATABASE_URL"]
    import psycopg2

    admin = psycopg2.connect(url)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    admin.close()
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + BENCH_DB))


def fill(articles):
    """Migrate, load the demo and top the archive up to `articles` published articles."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    from articles.models import Article, Byline
    from reporters.models import Reporter

    demo = Article.objects.get(slug="한중일-스마트시티-첫-온라인-세미나")
    reporter = Reporter.objects.get(slug="강승원")
    missing = articles - Article.objects.count()
    batch = [
        Article(
            headline=f"스마트시티 기사 {n}",
            slug=f"bench-{n}",
            body="<p>" + "도시 교통 재난 " * 80 + "</p>",
            section=demo.section,
            status=Article.Status.PUBLISHED,
            published_at=demo.published_at,
        )
        for n in range(max(missing, 0))
    ]
    created = Article.objects.bulk_create(batch, batch_size=1000)
    Byline.objects.bulk_create([Byline(article=a, reporter=reporter) for a in created], batch_size=1000)
    for article in created[:200]:
        article.tags.add("스마트시티")
    return demo


def query_counts(urls):
    """Queries per rendered page (page cache off), after a first request warms the menu."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counts[url] = len(captured)
    return counts


def start_gunicorn(env):
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "bench.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/reference/", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"http://127.0.0.1:{PORT}{url}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, int(errors.group(1)) if errors else 0


def ensure_wrk():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    ensure_wrk()
    os.environ["DATABASE_URL"] = bench_database_url()
    demo = fill(args.articles)
    event = demo.events.get()
    urls = [
        "/bench/reference/",
        "/",
        demo.get_absolute_url(),
        "/section/world/",
        "/tag/" + quote("스마트시티") + "/",
        "/reporters/" + quote("강승원") + "/",
        "/organisations/tcs/",
        event.get_absolute_url(),
    ]
    counts = query_counts(urls)
    rendered = measure(urls, args, page_cache_seconds=0)
    cached = measure(urls, args, page_cache_seconds=300)
    reference = rendered[urls[0]][0]
    print(f"\n{args.articles} articles, gunicorn 2 workers, wrk {args.connections} connections x {args.seconds}s")
    print(f"{'page':<48} {'rendered/s':>10} {'vs ref':>7} {'cached/s':>9} {'vs ref':>7} {'queries':>8} {'errors':>7}")
    for url in urls:
        (plain, plain_errors), (hit, hit_errors) = rendered[url], cached[url]
        print(
            f"{url[:48]:<48} {plain:>10.0f} {plain / reference:>7.1%} {hit:>9.0f} {hit / reference:>7.1%}"
            f" {counts[url]:>8} {plain_errors + hit_errors:>7}"
        )


def measure(urls, args, page_cache_seconds):
    """{url: (requests/s, errors)} with gunicorn running at this page-cache setting."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    server = start_gunicorn(env)
    try:
        return {url: wrk(url, args.seconds, args.connections) for url in urls}
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
