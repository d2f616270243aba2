"""The photo code against an S3-compatible server on loopback (moto), as with PHOTO_S3_BUCKET in production."""

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.factories import ArticleFactory, library_photo

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-photos"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_photos(s3_server, settings):
    """settings.STORAGES["photos"] as newsroom/settings.py builds it when PHOTO_S3_BUCKET is set."""
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "us-east-1"}
    client = boto3.client("s3", endpoint_url=s3_server, **credentials)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "photos": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": True,
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_photos_are_stored_in_the_bucket_and_served_through_the_checked_view(s3_photos, client, editor):
    from photos.renditions import all_names
    from photos.storage import storage

    photo = library_photo(size=(900, 600))
    assert type(storage._wrapped).__name__ == "S3Storage"
    keys = {item["Key"] for item in s3_photos.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert photo.image.name in keys and set(all_names(photo)) <= keys
    article = ArticleFactory(lead_photo=photo)
    url = f"/photos/{photo.key}/v{photo.rendition_version}/full-{photo.rendition_widths('full')[0]}.jpg"
    assert client.get(url).status_code == 404
    article.publish(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_a_missing_object_in_the_bucket_is_a_404_not_a_500(s3_photos, client):
    photo = library_photo(size=(600, 400))
    ArticleFactory(lead_photo=photo, published=True)
    name = f"full-{photo.rendition_widths('full')[0]}.jpg"
    s3_photos.delete_object(Bucket=BUCKET, Key=f"renditions/{photo.key[:2]}/{photo.key}/v1/{name}")
    assert client.get(f"/photos/{photo.key}/v1/{name}").status_code == 404
