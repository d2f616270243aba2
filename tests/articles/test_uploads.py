import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests.articles.admin_forms import article_form_data
from tests.factories import ReporterFactory, SectionFactory, image_upload

pytestmark = pytest.mark.django_db


def post_article(client, **fields):
    data = article_form_data(SectionFactory(), ReporterFactory(), **fields)
    return client.post(reverse("admin:articles_article_add"), data)


def test_a_real_photo_is_accepted_and_rendered(client_as_editor):
    response = post_article(client_as_editor, photo=image_upload("사진.jpg", size=(1600, 900), fmt="JPEG"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.photo.name.endswith(".jpg")
    assert article.photo_large.width == 1200  # the rendition, not the 1600px original


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg"),
        SimpleUploadedFile("script.png", b"<script>alert(1)</script>", content_type="image/png"),
        SimpleUploadedFile("empty.jpg", b"", content_type="image/jpeg"),
    ],
    ids=["pdf-named-jpg", "html-named-png", "empty"],
)
def test_a_file_that_is_not_an_image_is_refused_with_a_form_error(client_as_editor, upload):
    response = post_article(client_as_editor, photo=upload)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["photo"]
    assert not Article.objects.exists()


def test_an_oversized_image_is_refused_with_a_form_error(client_as_editor, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    response = post_article(client_as_editor, photo=image_upload(size=(400, 400), fmt="BMP", name="big.bmp"))
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["photo"])
    assert "너무 큽니다" in errors
