"""The masthead, the head's site links and the footer are rendered once per content generation,
and any change a reader can see still shows on the next page at once."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from articles.models import Section
from newsroom import pagecache
from publication.models import SiteSettings
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings, monkeypatch):
    """The page cache off, the shared cache on: only the fragments can be remembered."""
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(pagecache, "_cache_down_until", 0.0)


def masthead(response):
    html = response.content.decode()
    return html[html.index('<header class="masthead">') : html.index("</header>")]


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="footer">') : html.index("</footer>")]


def test_a_renamed_section_shows_in_the_menu_at_once(client, demo):
    assert ">국제</a>" in masthead(client.get(demo.get_absolute_url()))
    section = Section.objects.get(slug="world")
    section.name = "세계"
    section.save()
    menu = masthead(client.get(demo.get_absolute_url()))
    assert ">세계</a>" in menu
    assert ">국제</a>" not in menu


def test_new_site_details_show_in_the_footer_and_head_at_once(client, demo):
    client.get("/")
    site = SiteSettings.current()
    site.phone = "02-9999-0000"
    site.naver_verification = "naver-code-123"
    site.save()
    response = client.get("/")
    assert "02-9999-0000" in footer(response)
    assert '<meta name="naver-site-verification" content="naver-code-123">' in response.content.decode()


def test_each_language_gets_its_own_masthead(client, demo):
    korean, english = masthead(client.get("/")), masthead(client.get("/en/"))
    assert '<a href="/events/">행사</a>' in korean
    assert '<a href="/en/events/">Events</a>' in english
    assert masthead(client.get("/")) == korean


def test_a_remembered_page_is_the_page_rendered_without_the_cache(client, demo):
    first, remembered = client.get(demo.get_absolute_url()), client.get(demo.get_absolute_url())
    pagecache._cache_down_until = float("inf")  # every cache call fails: every fragment is rendered
    rendered = client.get(demo.get_absolute_url())
    assert remembered.content == rendered.content == first.content


def test_the_fragments_are_remembered(client, demo):
    client.get("/reporters/")
    Section.objects.filter(slug="world").update(name="몰래 바꾼 이름")  # around the signals: no new generation
    assert "몰래 바꾼 이름" not in masthead(client.get("/reporters/"))


def test_a_new_comment_policy_shows_in_the_article_pages_comment_form_at_once(client, demo):
    """The deferred comment form is a site-wide fragment too; the desk's moderation setting is part of it."""
    held, shown = "댓글은 데스크가 확인한 뒤 기사 아래에 보입니다.", "댓글은 바로 보이며"
    site = SiteSettings.current()
    site.comments_moderation = "pre"
    site.save()
    page = client.get(demo.get_absolute_url()).content.decode()
    assert held in page and shown not in page
    assert f'action="{reverse("comments:post", args=[demo.pk])}"' in page
    site.comments_moderation = "post"
    site.save()
    page = client.get(demo.get_absolute_url()).content.decode()
    assert shown in page and held not in page
    other = ArticleFactory(published=True)  # the same fields, the other story's own address to post to
    page = client.get(other.get_absolute_url()).content.decode()
    assert shown in page and f'action="{reverse("comments:post", args=[other.pk])}"' in page


def shared_reads(client, url, monkeypatch):
    """The shared-cache keys a rendered page reads."""
    reads = []
    get, get_many = pagecache.cache.get, pagecache.cache.get_many
    with monkeypatch.context() as patch:
        patch.setattr(
            pagecache.cache, "get", lambda key, *args, **kwargs: reads.append(key) or get(key, *args, **kwargs)
        )
        patch.setattr(
            pagecache.cache, "get_many", lambda keys, **kwargs: reads.extend(keys) or get_many(keys, **kwargs)
        )
        client.get(url)
    return reads


def test_within_the_second_a_page_reads_neither_generation_nor_fragments_from_the_shared_cache(
    client, demo, monkeypatch
):
    first = shared_reads(client, demo.get_absolute_url(), monkeypatch)
    assert pagecache.GENERATION_KEY in first and any("sitewide" in key for key in first)
    again = shared_reads(client, demo.get_absolute_url(), monkeypatch)
    assert pagecache.GENERATION_KEY not in again and not any("sitewide" in key for key in again)


def test_another_process_s_new_generation_shows_once_the_held_second_is_over(client, demo, monkeypatch):
    client.get("/reporters/")
    Section.objects.filter(slug="world").update(name="다른 곳에서 바꾼 이름")
    pagecache.cache.set(pagecache.GENERATION_KEY, pagecache.generation() + 1, None)  # another process's bump
    assert "다른 곳에서 바꾼 이름" not in masthead(client.get("/reporters/"))  # this process holds its generation
    later = pagecache.time.monotonic() + 1.5
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)
    assert "다른 곳에서 바꾼 이름" in masthead(client.get("/reporters/"))


def test_a_process_keeps_a_value_no_longer_than_the_shared_cache_would(monkeypatch):
    made = []

    def compute():
        made.append(1)
        return f"조각 {len(made)}"

    current = pagecache.generation()
    assert pagecache.remember("test", compute, 5, current=current, local=True) == "조각 1"
    pagecache.cache.delete(f"pagecache:test:{current}")  # gone from the shared cache
    assert pagecache.remember("test", compute, 5, current=current, local=True) == "조각 1"  # this process's copy
    assert pagecache.remember("test", compute, 5, current=current) == "조각 2"  # not kept locally: recomputed
    later = pagecache.time.monotonic() + 6
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)
    pagecache.cache.delete(f"pagecache:test:{current}")
    assert pagecache.remember("test", compute, 5, current=current, local=True) == "조각 3"
    assert pagecache.remember("test", compute, 5, current=current + 1, local=True) == "조각 4"  # another generation


def test_no_static_file_address_is_kept_in_a_sitewide_fragment():
    """A static file's hashed address changes with each deploy, and a fragment kept in the shared cache would
    go on linking the old one (gone from the new release) until its generation ends."""
    templates = Path(settings.BASE_DIR) / "templates"
    for path in templates.rglob("*.html"):
        for fragment in re.findall(r"{% sitewide .*?%}(.*?){% endsitewide %}", path.read_text(), re.S):
            assert "{% static" not in fragment, path
