"""With `make run` (DEBUG on), absurd paths and query strings get 404/400, never a 500."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.media_urls")]


@pytest.fixture
def development(settings):
    settings.DEBUG = True
    settings.SERVE_MEDIA = True


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "path",
    [
        "/media/" + "a" * 5000 + ".jpg",
        "/media/photos/" + "가" * 100 + ".jpg",  # 300 bytes: more than a file name can hold
        "/static/" + "b" * 300 + ".css",
        "/" + "c" * 5000 + "/",
        "/news/1/" + "가" * 2000 + "/",
    ],
    ids=["media-5000", "media-korean-300-bytes", "static-300", "page-5000", "article-slug-6000-bytes"],
)
def test_very_long_paths_are_not_found(client, development, settings, path):
    (settings.MEDIA_ROOT / "photos").mkdir(parents=True, exist_ok=True)
    response = client.get(path)
    assert response.status_code == 404


def test_a_real_media_file_is_still_served(client, development, settings):
    (settings.MEDIA_ROOT / "photos").mkdir(parents=True)
    (settings.MEDIA_ROOT / "photos" / "사진.jpg").write_bytes(b"jpeg")
    assert client.get("/media/photos/사진.jpg").status_code == 200


def test_a_long_korean_article_slug_still_resolves(client, development):
    from tests.factories import ArticleFactory

    article = ArticleFactory(published=True, slug="가" * 120)  # 360 bytes: fine outside file paths
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("url", ["/", "/search/", "/admin/login/", "/media/x.jpg", "/feed/"])
def test_thousands_of_query_parameters_are_a_bad_request(client, development, url):
    query = "&".join(f"p{number}=1" for number in range(5000))
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
