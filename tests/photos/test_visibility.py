"""Nothing of a photo is reachable by readers before an article using it is published (issue 8)."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from articles.preview import signed_preview_url
from tests.factories import ArticleFactory, library_photo

pytestmark = pytest.mark.django_db


def rendition(photo, crop="full", extension="jpg"):
    width = photo.rendition_widths(crop)[0]
    return f"/photos/{photo.key}/v{photo.rendition_version}/{crop}-{width}.{extension}"


def lead_article(**traits):
    photo = library_photo()
    article = ArticleFactory(lead_photo=photo, **traits)
    return article, photo


@pytest.mark.parametrize("state", ["draft", "in_review", "changes_requested", "scheduled", "unpublished"])
def test_a_photo_of_an_unpublished_article_is_not_served_to_readers(client, state):
    _article, photo = lead_article(**({state: True} if state != "draft" else {}))
    response = client.get(rendition(photo))
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    assert response.content == b""


def test_a_photo_of_a_published_article_is_served_with_a_short_public_cache(client, settings):
    settings.PHOTO_CACHE_SECONDS = 120
    _article, photo = lead_article(published=True)
    response = client.get(rendition(photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert "public" in response["Cache-Control"] and "max-age=120" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]


def test_every_format_and_crop_of_a_published_photo_is_served(client):
    _article, photo = lead_article(published=True)
    types = {"jpg": "image/jpeg", "webp": "image/webp", "avif": "image/avif"}
    for crop in ("full", "wide", "square"):
        for extension in photo.formats:
            response = client.get(rendition(photo, crop, extension))
            assert response.status_code == 200, (crop, extension)
            assert response["Content-Type"] == types[extension]


def test_withdrawing_the_article_stops_the_photo_at_once(client, editor):
    article, photo = lead_article(published=True)
    url = rendition(photo)
    assert client.get(url).status_code == 200
    article.unpublish(editor)
    assert client.get(url).status_code == 404


def test_a_photo_used_by_one_published_and_one_draft_article_is_public(client):
    _article, photo = lead_article(published=True)
    ArticleFactory(lead_photo=photo)
    assert client.get(rendition(photo)).status_code == 200


def test_a_scheduled_photo_appears_when_its_time_comes(client, time_machine):
    import datetime

    from django.utils import timezone

    article, photo = lead_article(scheduled=True)
    assert client.get(rendition(photo)).status_code == 404
    time_machine.move_to(article.published_at + datetime.timedelta(seconds=1))
    assert client.get(rendition(photo)).status_code == 200
    assert timezone.now() > article.published_at


def test_staff_see_a_draft_photo_in_the_admin_and_previews(client_as_reporter):
    _article, photo = lead_article()
    response = client_as_reporter.get(rendition(photo))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_staff_preview_page_shows_the_draft_photo(client_as_editor):
    article, photo = lead_article()
    page = client_as_editor.get(reverse("articles:preview", args=[article.pk])).content.decode()
    assert f"/photos/{photo.key}/" in page


def test_a_signed_preview_reader_sees_the_photo_of_that_article_only(client):
    article, photo = lead_article()
    _other, other_photo = lead_article()
    path, _expires = signed_preview_url(article)
    page = client.get(path).content.decode()
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert f"/photos/{photo.key}/" in page and "preview=" + quote(token) in page
    assert client.get(rendition(photo) + f"?preview={token}").status_code == 200
    assert client.get(rendition(other_photo) + f"?preview={token}").status_code == 404
    assert client.get(rendition(photo) + "?preview=" + token[:-2] + "xx").status_code == 404
    assert client.get(rendition(photo)).status_code == 404


def test_a_signed_preview_link_stops_showing_the_photo_once_the_article_is_withdrawn(client, editor):
    article, photo = lead_article(published=True)
    path, _expires = signed_preview_url(article)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    article.unpublish(editor)
    assert client.get(rendition(photo) + f"?preview={token}").status_code == 404


def test_a_body_photo_is_public_only_with_its_published_article(client, editor):
    photo = library_photo()
    body = f'<p>앞</p><figure data-photo-id="{photo.pk}"></figure><p>뒤</p>'
    article = ArticleFactory(body=body)
    assert client.get(rendition(photo)).status_code == 404
    article.publish(editor)
    assert client.get(rendition(photo)).status_code == 200


def test_an_unused_photo_is_never_public(client):
    photo = library_photo()
    assert client.get(rendition(photo)).status_code == 404


def test_the_original_is_never_served_to_readers_even_when_published(client, editor):
    _article, photo = lead_article(published=True)
    url = reverse("articles:photo_original", args=[photo.key])
    assert client.get(url).status_code == 404
    assert client.get("/media/" + photo.image.name).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/photos/{key}/v{v}/full-99999.jpg",  # a width that was never made
        "/photos/{key}/v{v}/full-480.png",  # a format that was never made
        "/photos/{key}/v{v}/../../originals/x.jpg",
        "/photos/{key}/v{v}/..%2F..%2Foriginals%2Fx.jpg",
        "/photos/{key}/v{v}/%2e%2e%2f%2e%2e%2fsecret_key",
        "/photos/{key}/v{old}/full-480.jpg",  # an old version
        "/photos/AAAAAAAAAAAAAAAAAAAAAA/v{v}/full-480.jpg",  # a guessed key
        "/photos/..%2F..%2F.data/v{v}/full-480.jpg",
        "/photos/{key}/v{v}/full-0480.jpg",
        "/photos/{key}/v{v}/original.jpg",
    ],
)
def test_guessed_and_crafted_photo_paths_are_plain_404s(client, path):
    _article, photo = lead_article(published=True)
    url = path.format(key=photo.key, v=photo.rendition_version, old=photo.rendition_version - 1)
    response = client.get(url)
    assert response.status_code == 404


def test_photo_responses_are_not_kept_by_the_page_cache(client, settings, editor):
    settings.PAGE_CACHE_SECONDS = 300
    article, photo = lead_article(published=True)
    url = rendition(photo)
    assert "X-Page-Cache" not in client.get(url)
    article.unpublish(editor)
    response = client.get(url)
    assert response.status_code == 404 and "X-Page-Cache" not in response


def test_stored_files_live_outside_the_public_media_folder(settings):
    photo = library_photo()
    from photos.storage import storage

    assert storage.exists(photo.image.name)
    assert not (settings.MEDIA_ROOT / photo.image.name).exists()
    assert photo.key in photo.image.name and "phone" not in photo.image.name
