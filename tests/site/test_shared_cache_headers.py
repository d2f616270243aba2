"""What the app lets shared caches (the proxy in deploy/, a CDN) keep: newsroom/proxycache.py."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _shared_cache(settings):
    settings.SHARED_CACHE_SECONDS = 5
    settings.PAGE_CACHE_SECONDS = 300


@pytest.mark.parametrize("url", ["/", "/reporters/", "/organisations/", "/events/", "/section/world/"])
def test_anonymous_reader_pages_may_be_kept_by_a_proxy_for_a_few_seconds(client, demo, url):
    for state in ("rendered", "from the page cache"):
        response = client.get(url)
        assert response.status_code == 200, state
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=5", state


def test_the_article_page_may_be_kept_too(client, demo):
    assert client.get(demo.get_absolute_url())["Cache-Control"] == "public, max-age=0, s-maxage=5"


def test_a_logged_in_users_page_is_private(client_as_editor, demo):
    response = client_as_editor.get("/")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_browser_that_just_wrote_gets_a_private_page(client, demo):
    client.cookies["read_primary"] = "1"
    assert "private" in client.get("/")["Cache-Control"]


@pytest.mark.parametrize("url", ["/admin/login/", "/news/999999/x/"])
def test_the_desk_and_missing_pages_are_never_public(client, url):
    assert "public" not in client.get(url).get("Cache-Control", "")


def test_previews_stay_private_and_unstored(client_as_editor, demo):
    response = client_as_editor.get(f"/preview/{demo.pk}/")
    assert response["Cache-Control"] == "private, no-store"


def test_with_no_shared_cache_time_nothing_is_public(client, demo, settings):
    settings.SHARED_CACHE_SECONDS = 0
    assert "public" not in client.get("/")["Cache-Control"]
