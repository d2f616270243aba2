"""Anonymous readers get cached pages, never stale ones."""

import datetime

import pytest
import time_machine
from django.db import OperationalError
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


def test_korean_and_english_pages_are_kept_apart(client, demo):
    korean, english = client.get("/"), client.get("/en/")
    assert client.get("/").content == korean.content
    assert client.get("/en/").content == english.content
    assert korean.content != english.content


def test_an_anonymous_page_that_is_not_a_reader_page_is_never_stored(client, settings):
    settings.ROOT_URLCONF = "tests.site.proxy_urls"  # the site's URLs plus bench's no-database page
    client.get("/bench/reference/")
    assert "X-Page-Cache" not in client.get("/bench/reference/")


def test_without_the_middleware_the_system_check_says_nothing_is_cached(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "newsroom.pagecache.PageCacheMiddleware"]
    assert [w.id for w in checks.page_cache_middleware_installed(None)] == ["newsroom.W003"]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "newsroom.pagecache.PageCacheMiddleware"]
    assert checks.page_cache_middleware_installed(None) == []


def test_a_database_failure_after_the_page_was_made_answers_the_page_and_keeps_nothing(client, demo, monkeypatch):
    def fails():
        raise OperationalError("the database went away")

    monkeypatch.setattr(pagecache, "_next_change_source", fails)
    response = client.get("/")
    assert response.status_code == 200
    assert demo.headline in response.content.decode()
    assert "X-Page-Cache" not in client.get("/")
