"""What readers get: responsive renditions with captions, for the lead photo, in lists and in the body."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, library_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def test_the_lead_photo_is_a_responsive_picture_with_caption_and_credit(client):
    photo = library_photo(size=(2000, 1000), alt_text="발표 화면", caption="세미나 화면", credit="TCS 제공")
    article = ArticleFactory(published=True, lead_photo=photo)
    page = client.get(article.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="photo".*?</figure>', page, re.S)[0]
    img = img_tags(figure)[0]
    assert 'alt="발표 화면"' in img and 'width="1600"' in img and 'height="800"' in img
    assert "srcset=" in img and "sizes=" in img and 'loading="lazy"' not in img  # above the fold
    assert "full-480.jpg 480w" in img and "full-1600.jpg 1600w" in img
    assert '<source type="image/webp"' in figure
    if "avif" in photo.formats:
        assert figure.index('type="image/avif"') < figure.index('type="image/webp"')
    assert '<figcaption>세미나 화면 <span class="credit">ⓒ TCS 제공</span></figcaption>' in figure
    for url in re.findall(r"(/photos/[^\s\"?]+)", figure):
        assert client.get(url).status_code == 200, url


def test_og_image_is_an_absolute_public_rendition(client):
    photo = library_photo(size=(2000, 1000))
    article = ArticleFactory(published=True, lead_photo=photo)
    page = client.get(article.get_absolute_url()).content.decode()
    url = re.search(r'<meta property="og:image" content="([^"]+)">', page)[1]
    assert url.startswith("http://testserver/photos/") and url.endswith("/wide-1200.jpg")
    assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_photos_in_the_body_render_as_figures_with_captions_lazily(client):
    first, second = library_photo(caption="첫 사진", credit="가"), library_photo(caption="둘째 사진", credit="나")
    body = (
        f'<p>하나</p><figure data-photo-id="{first.pk}"></figure><p>둘</p><figure data-photo-id="{second.pk}"></figure>'
    )
    article = ArticleFactory(published=True, body=body)
    page = client.get(article.get_absolute_url()).content.decode()
    body_html = re.search(r'<div class="body">(.*?)</div>', page, re.S)[1]
    assert body_html.index("하나") < body_html.index("첫 사진") < body_html.index("둘") < body_html.index("둘째 사진")
    assert body_html.count("<figcaption>") == 2 and "ⓒ 나" in body_html
    assert all('loading="lazy"' in img for img in img_tags(body_html))


def test_a_body_reference_to_a_missing_photo_shows_nothing(client):
    article = ArticleFactory(published=True, body='<p>글</p><figure data-photo-id="987654"></figure>')
    page = client.get(article.get_absolute_url()).content.decode()
    assert "987654" not in page and "<figure" not in page.split('<div class="body">')[1].split("</div>")[0]


def test_body_photos_take_one_query_however_many(client):
    def queries(count):
        photos = [library_photo(size=(300, 200)) for _ in range(count)]
        body = "".join(f'<p>{n}</p><figure data-photo-id="{p.pk}"></figure>' for n, p in enumerate(photos))
        article = ArticleFactory(published=True, body=body)
        client.get(article.get_absolute_url())
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(captured)

    assert queries(1) == queries(4)


def test_list_thumbnails_are_16_9_crops_loaded_lazily(client):
    photo = library_photo(size=(1200, 1200))
    article = ArticleFactory(published=True, lead_photo=photo)
    page = client.get(article.section.get_absolute_url()).content.decode()
    img = next(tag for tag in img_tags(page) if photo.key in tag)
    assert 'loading="lazy"' in img and "wide-320.jpg 320w" in img
    assert 'width="1200" height="675"' in img


def test_the_16_9_crop_is_cut_around_the_focal_point():
    from photos.renditions import crop_box

    photo = library_photo(size=(1000, 1000), focal_x=0.5, focal_y=0.9)
    assert crop_box(photo, "wide") == (0, 1000 - 562, 1000, 1000)  # pushed to the bottom edge
    photo.focal_y = 0.1
    assert crop_box(photo, "wide") == (0, 0, 1000, 562)
    photo.focal_y = 0.5
    assert crop_box(photo, "wide") == (0, 219, 1000, 781)


def test_a_new_focal_point_makes_new_crops_under_new_urls_and_drops_the_old(django_capture_on_commit_callbacks):
    from photos.renditions import all_names
    from photos.services import save_photo
    from photos.storage import storage

    photo = library_photo(size=(1000, 1000))
    old = all_names(photo)
    photo.focal_y = 0.95
    with django_capture_on_commit_callbacks(execute=True):
        save_photo(photo)
    assert photo.rendition_version == 2
    assert all(storage.exists(name) for name in all_names(photo))
    assert not any(storage.exists(name) for name in old)


def test_avif_comes_first_where_pillow_can_write_it(client, settings):
    from PIL import features

    settings.PHOTO_AVIF = True
    photo = library_photo(size=(800, 600))
    assert photo.formats == (["avif", "webp", "jpg"] if features.check("avif") else ["webp", "jpg"])
    article = ArticleFactory(published=True, lead_photo=photo)
    page = client.get(article.get_absolute_url()).content.decode()
    if features.check("avif"):
        assert page.index('type="image/avif"') < page.index('type="image/webp"')
        url = re.search(r'srcset="(/photos/[^ ]+\.avif)', page)[1]
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/avif"


def test_a_caption_or_focal_point_change_shows_at_once_on_cached_pages(client, settings):
    from photos.services import save_photo

    settings.PAGE_CACHE_SECONDS = 300
    photo = library_photo(size=(1000, 1000), caption="처음 설명")
    article = ArticleFactory(published=True, lead_photo=photo)
    assert "처음 설명" in client.get(article.get_absolute_url()).content.decode()
    photo.caption, photo.focal_y = "고친 설명", 0.9
    save_photo(photo)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "고친 설명" in page and f"/photos/{photo.key}/v2/" in page and "/v1/" not in page
