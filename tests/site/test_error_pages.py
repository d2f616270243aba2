import pytest

pytestmark = pytest.mark.django_db


def test_missing_page_is_a_branded_korean_404_with_search(client):
    response = client.get("/news/999999/nothing/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "페이지를 찾을 수 없습니다" in page
    assert 'action="/search/"' in page


@pytest.mark.parametrize("url", ["/no-such-page/", "/news/999999/nothing/", "/adminn/"])
def test_debug_still_shows_the_sites_own_404_not_the_url_list(client, settings, url):
    settings.DEBUG = True
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "페이지를 찾을 수 없습니다" in page
    assert "URLconf" not in page and "sitemap.xml" not in page  # Django's debug page lists every pattern


def test_debug_technical_404_brings_back_djangos_page(client, settings):
    settings.DEBUG, settings.DEBUG_TECHNICAL_404 = True, True
    page = client.get("/no-such-page/").content.decode()
    assert "URLconf" in page
