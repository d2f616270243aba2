"""Anonymous pages answer a repeated request with 304 Not Modified, from the page cache too."""

import pytest

from articles import editing

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("cache_seconds", [0, 300], ids=["rendered", "page cache"])
@pytest.mark.parametrize("url", ["/", "article", "/section/world/", "/feed/", "/news-sitemap.xml"])
def test_an_unchanged_page_answers_304(client, demo, settings, cache_seconds, url):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    url = demo.get_absolute_url() if url == "article" else url
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_page_answers_200_with_a_new_etag(client, demo, editor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    etag = client.get(demo.get_absolute_url())["ETag"]
    demo.headline = "고친 제목"
    editing.save_edit(demo, editor, changed_fields=["headline"])
    response = client.get(demo.get_absolute_url(), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag and "고친 제목" in response.content.decode()
