"""Photo storage and serving chosen by settings: S3-compatible bucket, nginx X-Accel-Redirect."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory, library_photo

ROOT = Path(__file__).resolve().parents[2]


def test_photo_s3_bucket_selects_a_private_s3_storage_with_signed_urls():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "from photos.storage import storage; storage._setup(); "
        "print(type(storage._wrapped).__name__, storage._wrapped.bucket_name, storage._wrapped.querystring_auth, "
        "storage._wrapped.default_acl, storage._wrapped.endpoint_url)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "PHOTO_S3_BUCKET": "newsroom-photos",
        "PHOTO_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    }
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["S3Storage", "newsroom-photos", "True", "None", "http://127.0.0.1:9000"]


@pytest.mark.django_db
def test_with_an_accel_prefix_nginx_sends_the_file_and_django_still_decides(client, settings, editor):
    settings.PHOTO_ACCEL_PREFIX = "/_photos/"
    photo = library_photo(size=(600, 400))
    article = ArticleFactory(lead_photo=photo)
    url = f"/photos/{photo.key}/v{photo.rendition_version}/full-480.jpg"
    refused = client.get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
    article.publish(editor)
    response = client.get(url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_photos/renditions/{photo.key[:2]}/{photo.key}/v1/full-480.jpg"
    assert response["Content-Type"] == "image/jpeg"
