"""The data migration moves every article's own photo into the library, cleaned and private."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from PIL import Image

from photos.storage import storage
from tests.photos.images import GPS_IFD, phone_jpeg

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0007_search"), ("photos", "0001_initial")]
AFTER = [("articles", "0011_photo_roles")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_photos_move_into_the_library_with_caption_credit_and_alt():
    old = migrate(BEFORE)
    Article = old.get_model("articles", "Article")
    name = default_storage.save("articles/2026/11/seminar.jpg", ContentFile(phone_jpeg()))
    resized = default_storage.save("CACHE/images/articles/2026/11/seminar/0f1e2d.jpg", ContentFile(phone_jpeg()))
    Article.objects.create(
        headline="사진 있는 기사",
        slug="사진-있는-기사",
        photo=name,
        photo_caption="세미나 화면",
        photo_credit="TCS 제공",
        photo_alt="화상회의 화면",
        status="published",
        published_at="2026-11-01T00:00:00Z",
    )
    Article.objects.create(headline="사진 없는 기사", slug="사진-없는-기사")
    try:
        new = migrate(AFTER)
        Photo = new.get_model("photos", "Photo")
        photo = Photo.objects.get()
        assert (photo.caption, photo.credit, photo.alt_text) == ("세미나 화면", "TCS 제공", "화상회의 화면")
        article = new.get_model("articles", "Article").objects.get(slug="사진-있는-기사")
        assert article.lead_photo_id == photo.pk
        assert new.get_model("articles", "PhotoUse").objects.get().role == "lead"
        assert not default_storage.exists(name) and not default_storage.exists(resized)  # nothing left public
        with storage.open(photo.image.name, "rb") as handle:
            image = Image.open(io.BytesIO(handle.read()))
        assert image.size == (800, 1200) and not image.getexif().get_ifd(GPS_IFD)
        assert "seminar" not in photo.image.name
    finally:
        call_command("migrate", verbosity=0)
    call_command("make_renditions", verbosity=0)
    from photos.models import Photo as CurrentPhoto

    assert CurrentPhoto.objects.get().formats
