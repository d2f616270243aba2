"""The page cache in its production shape: after-commit invalidation, narrow invalidation, one round trip, outages."""

import logging
import socket
import threading
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.utils import translation

from articles import editing
from newsroom import pagecache
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(pagecache, "_cache_down_until", 0.0)


def test_a_page_cached_between_a_withdrawal_and_its_commit_is_not_served_after_the_commit(
    client, demo, editor, django_capture_on_commit_callbacks
):
    with translation.override("ko"):  # the language readers of "/" get, whatever an earlier test activated
        key = pagecache.page_key(RequestFactory().get("/"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        demo.unpublish(editor)
        # A reader on another connection still sees the committed past and caches it under the new generation.
        stale = pagecache.HttpResponse(f"<h1>{demo.headline}</h1>")
        pagecache.store(key, stale, pagecache.generation())
        assert demo.headline in client.get("/").content.decode()  # the window the issue describes
    for callback in callbacks:
        callback()
    assert demo.headline not in client.get("/").content.decode()


def test_saving_a_draft_leaves_cached_pages_alone(client, demo, reporter):
    draft = ArticleFactory(headline="아직 안 나간 기사", created_by=reporter)
    client.get("/")
    before = pagecache.generation()
    draft.headline = "아직 안 나간 기사, 고침"
    editing.save_edit(draft, reporter, changed_fields=["headline"])
    draft.tags.add("특종")
    assert pagecache.generation() == before
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_submitting_a_draft_leaves_cached_pages_alone(client, demo, reporter):
    draft = ArticleFactory(created_by=reporter)
    client.get("/")
    before = pagecache.generation()
    draft.submit(reporter)
    assert pagecache.generation() == before


def test_publishing_and_editing_a_live_article_start_a_new_generation(demo, editor):
    story = ArticleFactory(in_review=True)
    before = pagecache.generation()
    story.publish(editor)
    after_publish = pagecache.generation()
    assert after_publish != before
    demo.headline = "고친 제목"
    editing.save_edit(demo, editor, changed_fields=["headline"])
    assert pagecache.generation() != after_publish


class CountingCache:
    """The real cache, counting the calls a request makes."""

    def __init__(self, real):
        self.real, self.calls = real, []

    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self.real, name)


def test_a_cached_page_costs_one_cache_round_trip(client, demo, monkeypatch, settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0  # every request asks the shared cache
    client.get(demo.get_absolute_url())
    counting = CountingCache(cache)
    monkeypatch.setattr(pagecache, "cache", counting)
    response = client.get(demo.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert counting.calls == ["get_many"]


def test_a_page_this_process_served_within_the_second_costs_no_round_trip(client, demo, monkeypatch):
    client.get(demo.get_absolute_url())
    counting = CountingCache(cache)
    monkeypatch.setattr(pagecache, "cache", counting)
    response = client.get(demo.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert counting.calls == []


def test_another_processs_change_shows_once_the_held_generation_expires(client, demo, settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 3  # wide enough for a busy machine between two requests
    client.get(demo.get_absolute_url())
    cache.set(pagecache.GENERATION_KEY, time.time_ns(), None)  # another process's bump: no signal here
    assert client.get(demo.get_absolute_url())["X-Page-Cache"] == "hit"  # still within the held seconds
    time.sleep(3.1)
    assert "X-Page-Cache" not in client.get(demo.get_absolute_url())  # asked again: rendered anew


def test_this_processs_copies_are_bounded(client, demo, monkeypatch, settings):
    urls = [demo.get_absolute_url(), "/", demo.section.get_absolute_url()]
    sizes = [len(client.get(url).content) for url in urls]
    pagecache.forget_local()
    settings.PAGE_CACHE_LOCAL_BYTES = max(sizes) + 1  # room for any page, not for all three
    for url in urls:
        client.get(url)
    assert len(pagecache.local_copies.pages) < 3 and pagecache.local_copies.size <= max(sizes) + 1
    counting = CountingCache(cache)
    monkeypatch.setattr(pagecache, "cache", counting)
    assert client.get(urls[0])["X-Page-Cache"] == "hit"  # its copy went: the shared cache still has it
    assert counting.calls == ["get_many"]


def test_this_processs_copies_survive_threads_reading_while_others_bump(settings):
    copies, errors = pagecache.LocalCopies(), []
    settings.PAGE_CACHE_LOCAL_BYTES = 3000

    def read():
        try:
            for n in range(20000):
                copies.hold(1, time.monotonic())
                copies.keep(f"page-{n % 7}", {"generation": 1, "content": b"x" * 1000})
                copies.get(f"page-{n % 5}")
        except Exception as error:  # what a reader's request would have raised
            errors.append(error)

    def bump():
        for _ in range(5000):
            copies.forget()

    threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=bump)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert copies.size == sum(len(page["content"]) for page in copies.pages.values()) <= 3000


def test_a_generation_read_before_this_processs_bump_is_not_trusted(client, demo):
    copies = pagecache.LocalCopies()
    read_at = time.monotonic()
    copies.forget()  # a bump in another thread, after that read
    copies.hold("old", read_at)
    copies.keep("page", {"generation": "old", "content": b"old page"})
    assert copies.get("page") == (None, None)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_with_the_cache_down_pages_render_from_the_database(client, demo, caplog):
    redis_nobody_runs = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=redis_nobody_runs), caplog.at_level(logging.WARNING, logger="newsroom.pagecache"):
        for url in ["/", demo.get_absolute_url(), "/reporters/"]:
            response = client.get(url)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
        assert demo.headline in client.get("/").content.decode()
    assert "Page cache unavailable" in caplog.text
