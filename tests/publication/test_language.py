"""Readers get Korean whatever their browser says; English only by the visible switch; the admin follows the user."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"accept-language": "en-US,en;q=0.9"}


def test_an_english_browser_still_gets_the_korean_article_page(client, demo):
    page = client.get(demo.get_absolute_url(), headers=ENGLISH_BROWSER).content.decode()
    assert '<html lang="ko">' in page
    assert "입력 <time" in page and "Published <time" not in page and ">Search<" not in page
    assert 'hreflang="en"' in page  # the switch


def test_a_korean_cookie_or_english_cookie_does_not_change_the_plain_address(client, demo):
    client.cookies["django_language"] = "en"
    page = client.get("/", headers=ENGLISH_BROWSER).content.decode()
    assert '<html lang="ko">' in page


def test_the_switch_leads_to_the_same_page_in_english_and_back(client, demo):
    korean_url = demo.get_absolute_url()
    korean = client.get(korean_url).content.decode()
    english_url = "/en" + korean_url
    assert f'href="{english_url}"' in korean
    english = client.get(english_url).content.decode()
    assert '<html lang="en">' in english
    assert f'href="{korean_url}"' in english
    assert demo.headline in english


def test_the_admin_follows_the_users_language(client_as_editor):
    english = client_as_editor.get(reverse("admin:index"), headers=ENGLISH_BROWSER).content.decode()
    assert "Site administration" in english
    korean = client_as_editor.get(reverse("admin:index")).content.decode()
    assert "사이트 관리" in korean


def test_the_page_cache_keeps_languages_apart(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/")
    english = client.get("/en/")
    assert '<html lang="en">' in english.content.decode()
    korean = client.get("/", headers=ENGLISH_BROWSER)
    assert korean["X-Page-Cache"] == "hit"
    assert '<html lang="ko">' in korean.content.decode()


def test_reader_pages_do_not_vary_on_accept_language_but_the_admin_does(client, client_as_editor, demo):
    assert "accept-language" not in client.get("/").get("Vary", "").lower()
    assert "accept-language" in client_as_editor.get(reverse("admin:index")).get("Vary", "").lower()


def test_footer_links_follow_the_page_language_whichever_was_cached_first(client, demo):
    english = client.get("/en/").content.decode()
    assert 'href="/en/about/"' in english
    korean = client.get("/").content.decode()
    assert 'href="/about/"' in korean and "/en/about/" not in korean


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/section/world/?cursor=abc&x=%ED%95%9C",
        "/en/section/world/",
        "/tag/%EC%8A%A4%EB%A7%88%ED%8A%B8%EC%8B%9C%ED%8B%B0/",
        "/search/?q=%EC%95%88%EC%A0%84+%EA%B5%90%ED%86%B5&page=2",
        "/events/",
        "/reporters/",
        "/news/999999/no-such-story/",
        "/no-such-page/",
    ],
)
def test_the_switch_reverses_the_match_django_made_as_translate_url_would(client, demo, path):
    """newsroom's translated_url() skips resolving the path again; its answer is Django's translate_url()'s."""
    from django.urls import translate_url

    from newsroom.templatetags.newsroom import translated_url

    # override(): a request leaves its language active in this thread, and later tests expect Korean.
    with translation.override("ko"):
        story = demo.get_absolute_url()
        for url in (path, story, "/en" + story):
            request = client.get(url).wsgi_request
            assert request.resolver_match is not None or "no-such" in url  # the quick way is taken
            for language in ("ko", "en"):
                assert translated_url(request, language) == translate_url(request.get_full_path(), language), url
