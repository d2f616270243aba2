"""Anonymous readers get cached pages, never stale ones."""

import datetime

import pytest
import time_machine
from django.db import OperationalError
from django.test import Client
from django.urls import URLResolver
from django.utils import timezone

from articles import editing
from newsroom import checks, pagecache
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_second_visit_is_served_without_a_query(client, demo, django_assert_num_queries):
    first = client.get(demo.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(demo.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_logged_in_users_always_get_a_fresh_page(client_as_editor, demo):
    client_as_editor.get("/")
    assert "X-Page-Cache" not in client_as_editor.get("/")


def test_a_withdrawn_article_leaves_cached_pages_at_once(client, demo, editor):
    assert demo.headline in client.get("/").content.decode()
    demo.unpublish(editor)
    assert demo.headline not in client.get("/").content.decode()
    assert client.get(demo.get_absolute_url()).status_code == 404


def test_an_edit_shows_at_once(client, demo, editor):
    client.get(demo.get_absolute_url())
    demo.headline = "고친 제목"
    editing.save_edit(demo, editor, changed_fields=["headline"])
    assert "고친 제목" in client.get(demo.get_absolute_url()).content.decode()


def test_a_scheduled_article_appears_at_its_moment_even_on_a_cached_page(client, editor):
    section = SectionFactory(slug="world")
    ArticleFactory(published=True, section=section)
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=2)
    story = ArticleFactory(in_review=True, headline="예약된 기사", section=section)
    story.publish(editor, at=moment)
    with time_machine.travel(moment - datetime.timedelta(seconds=1), tick=False):
        assert "예약된 기사" not in client.get("/section/world/").content.decode()
    with time_machine.travel(moment, tick=False):
        assert "예약된 기사" in client.get("/section/world/").content.decode()


def test_a_section_renamed_in_the_admin_shows_at_once(client, client_as_editor, demo):
    client.get("/")
    section = demo.section
    client_as_editor.post(
        f"/admin/articles/section/{section.pk}/change/", {"name": "세계", "slug": section.slug, "order": 1}
    )
    assert "세계" in client.get("/").content.decode()


def test_a_tag_added_shows_at_once(client, demo):
    client.get(demo.get_absolute_url())
    demo.tags.add("새태그")
    assert "#새태그" in client.get(demo.get_absolute_url()).content.decode()


def test_errors_and_redirects_are_not_cached(client, demo):
    assert client.get(f"/news/{demo.pk}/").status_code == 301
    assert client.get("/news/999999/x/").status_code == 404
    assert "X-Page-Cache" not in client.get("/news/999999/x/")


@pytest.mark.parametrize("url", ["/", "/en/", "/section/policy/"])
def test_a_hit_carries_every_header_of_the_rendered_page(client, demo, url):
    rendered = client.get(url)
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    del hit.headers["X-Page-Cache"]
    assert dict(hit.headers) == dict(rendered.headers)  # X-Frame-Options, Content-Language, CSP, Cache-Control...
    assert hit.content == rendered.content


def test_a_hit_is_answered_before_the_address_is_resolved(client, demo, monkeypatch):
    resolved = []
    original = URLResolver.resolve
    monkeypatch.setattr(URLResolver, "resolve", lambda self, path: resolved.append(path) or original(self, path))
    client.get("/")
    assert resolved
    resolved.clear()
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert resolved == []


def test_pages_are_kept_apart_by_scheme_and_host_and_a_host_not_allowed_gets_a_400(client, demo, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    url = demo.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    other_host = client.get(url, HTTP_HOST="localhost")
    assert "X-Page-Cache" not in other_host
    assert "http://localhost/news/" in other_host.content.decode()  # its canonical link names its own host
    assert "X-Page-Cache" not in client.get(url, secure=True)
    refused = client.get(url, HTTP_HOST="evil.example")
    assert refused.status_code == 400  # as CommonMiddleware would answer
    assert "잘못된 요청입니다" in refused.content.decode()  # the site's page, not Django's bare one


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, demo):
    client.get("/")
    head = client.head("/")
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""


def test_an_anonymous_page_that_is_not_a_reader_page_is_never_stored_nor_looked_up_again(client, settings, monkeypatch):
    settings.ROOT_URLCONF = "tests.site.proxy_urls"  # the site's URLs plus bench's no-database page
    looked_up = []
    original = pagecache.lookup
    monkeypatch.setattr(pagecache, "lookup", lambda key: looked_up.append(key) or original(key))
    client.get("/bench/reference/")
    assert len(looked_up) == 1
    assert "X-Page-Cache" not in client.get("/bench/reference/")
    assert len(looked_up) == 1  # the address is known to lead elsewhere


def test_the_system_check_says_when_the_middleware_is_missing_or_misplaced(settings):
    assert checks.page_cache_middleware_in_place(None) == []
    placed = settings.MIDDLEWARE
    settings.MIDDLEWARE = [m for m in placed if m != checks.PAGE_CACHE_MIDDLEWARE]
    assert [w.id for w in checks.page_cache_middleware_in_place(None)] == ["newsroom.W003"]
    settings.MIDDLEWARE = [checks.PAGE_CACHE_MIDDLEWARE, *settings.MIDDLEWARE]  # above the CSP: stored nonces
    assert "ContentSecurityPolicyMiddleware" in checks.page_cache_middleware_in_place(None)[-1].msg
    settings.MIDDLEWARE = [m for m in placed if m != checks.PAGE_CACHE_MIDDLEWARE] + [checks.PAGE_CACHE_MIDDLEWARE]
    warnings = checks.page_cache_middleware_in_place(None)
    assert {w.id for w in warnings} == {"newsroom.W004"}
    assert any("SessionMiddleware" in w.msg for w in warnings)


def test_a_database_failure_after_the_page_was_made_answers_the_page_and_keeps_nothing(client, demo, monkeypatch):
    def fails():
        raise OperationalError("the database went away")

    monkeypatch.setattr(pagecache, "_next_change_source", fails)
    response = client.get("/")
    assert response.status_code == 200
    assert demo.headline in response.content.decode()
    assert "X-Page-Cache" not in client.get("/")


def test_a_page_whose_csrf_cookie_the_middleware_sets_is_never_stored(settings):
    """The token is in the page and its cookie is set below the view: one reader's must never reach another."""
    settings.ROOT_URLCONF = "tests.site.proxy_urls"
    first, second = Client(), Client()
    mine = first.get("/test/reader-csrf/")
    assert settings.CSRF_COOKIE_NAME in mine.cookies
    theirs = second.get("/test/reader-csrf/")
    assert "X-Page-Cache" not in theirs
    assert theirs.content != mine.content
