"""Uploads: only real photos, cleaned of location and camera data, with clear Korean refusals (issue 8)."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from photos.models import Photo
from photos.storage import storage
from tests.photos.images import GPS_IFD, encoded, heic, phone_jpeg, srgb_profile, upload

pytestmark = pytest.mark.django_db


def post_photo(client, file, **fields):
    data = {"image": file, "caption": "세미나 화면", "credit": "강승원 기자", "alt_text": "발표 화면", "focal_x": "0.5"}
    data.update({"focal_y": "0.5", **fields})
    return client.post(reverse("admin:photos_photo_add"), data)


def form_errors(response):
    return " ".join(response.context["adminform"].form.errors.get("image", []))


def stored(photo):
    with storage.open(photo.image.name, "rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def test_a_phone_photo_is_kept_upright_without_gps_or_serial_and_with_its_colour_profile(client_as_reporter):
    response = post_photo(client_as_reporter, upload(phone_jpeg(orientation=6)))
    assert response.status_code == 302, form_errors(response)
    photo = Photo.objects.get()
    image = stored(photo)
    # Orientation 6 means "turn 90° clockwise": the 1200×800 landscape is stored as an 800×1200 portrait.
    assert image.size == (800, 1200) and (photo.width, photo.height) == (800, 1200)
    assert image.getpixel((400, 100))[0] > 200  # the red half is now on top
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD) and 0x0112 not in exif and 0x010F not in exif
    with storage.open(photo.image.name, "rb") as handle:
        raw = handle.read()
    assert b"F2LXK0SERIAL" not in raw and b"iPhone" not in raw and b"Apple" not in raw
    assert image.info.get("icc_profile") == srgb_profile()
    assert "IMG_4031" not in photo.image.name and photo.key in photo.image.name
    assert photo.uploaded_by.username == "reporter-user"


def test_renditions_hold_no_metadata_either(client_as_reporter):
    post_photo(client_as_reporter, upload(phone_jpeg()))
    photo = Photo.objects.get()
    from photos.renditions import all_names

    names = all_names(photo)
    assert names and all(storage.exists(name) for name in names)
    for name in names:
        with storage.open(name, "rb") as handle:
            data = handle.read()
        assert b"F2LXK0SERIAL" not in data and b"iPhone" not in data


def test_a_heic_photo_from_an_iphone_is_accepted_and_stored_as_jpeg(client_as_reporter):
    response = post_photo(client_as_reporter, upload(heic(), name="IMG_0001.HEIC", content_type="image/heic"))
    assert response.status_code == 302, form_errors(response)
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".jpg")
    image = stored(photo)
    assert image.format == "JPEG" and image.size == (640, 480)
    assert not image.getexif().get_ifd(GPS_IFD)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_png_webp_and_gif_are_kept_in_their_own_format(client_as_reporter, fmt):
    response = post_photo(client_as_reporter, upload(encoded(fmt), name=f"a.{fmt.lower()}"))
    assert response.status_code == 302, form_errors(response)
    assert stored(Photo.objects.get()).format == fmt


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (encoded("BMP"), "photo.jpg"),
        (encoded("TIFF"), "photo.tif"),
        (encoded("ICO", size=(32, 32)), "favicon.png"),
        (b"%PDF-1.4 not an image", "photo.jpg"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "photo.png"),
        (b"<script>alert(1)</script>", "photo.webp"),
    ],
    ids=["bmp", "tiff", "ico", "pdf", "svg", "html"],
)
def test_anything_but_jpeg_png_webp_gif_heic_is_refused_by_its_content(client_as_reporter, data, name):
    response = post_photo(client_as_reporter, upload(data, name=name))
    assert response.status_code == 200
    assert "JPEG·PNG·WebP·GIF·HEIC 사진만" in form_errors(response)
    assert not Photo.objects.exists()
    assert not storage.exists("originals")  # nothing half-saved


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_photo_is_refused(client_as_reporter, cut):
    data = phone_jpeg()
    response = post_photo(client_as_reporter, upload(data[: int(len(data) * cut)]))
    assert response.status_code == 200
    assert "손상되었거나" in form_errors(response)
    assert not Photo.objects.exists()


def test_a_corrupt_photo_is_refused(client_as_reporter):
    data = bytearray(phone_jpeg())
    data[600:4000] = b"\x00" * 3400
    data[2000:2002] = b"\xff\xd9"
    response = post_photo(client_as_reporter, upload(bytes(data)))
    assert response.status_code == 200
    assert form_errors(response)
    assert not Photo.objects.exists()


def test_an_empty_file_is_refused(client_as_reporter):
    response = post_photo(client_as_reporter, upload(b""))
    assert response.status_code == 200
    assert form_errors(response)


def test_a_file_over_the_byte_limit_is_refused_with_its_own_message(client_as_reporter, settings):
    settings.PHOTO_MAX_BYTES = 2000
    response = post_photo(client_as_reporter, upload(phone_jpeg()))
    assert response.status_code == 200
    assert "사진이 너무 큽니다: 최대 2.0\xa0KB" in form_errors(response) or "사진이 너무 큽니다: 최대 2.0 KB" in (
        form_errors(response)
    )
    assert not Photo.objects.exists()


def test_a_photo_over_the_pixel_limit_is_refused_with_its_own_message(client_as_reporter, settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    response = post_photo(client_as_reporter, upload(phone_jpeg(size=(1600, 1000))))
    assert response.status_code == 200
    errors = form_errors(response)
    assert "사진이 너무 큽니다: 최대 1,000,000화소" in errors and "1600×1000" in errors
    assert not Photo.objects.exists()


def test_a_decompression_bomb_is_refused_without_decoding_it(client_as_reporter):
    # 20000×20000 white PNG: a few kilobytes on disk, 1.2 GB once decoded.
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000), 1).save(buffer, "PNG", optimize=True)
    response = post_photo(client_as_reporter, upload(buffer.getvalue(), name="bomb.png"))
    assert response.status_code == 200
    assert "사진이 너무 큽니다" in form_errors(response)


def test_the_focal_point_must_lie_inside_the_picture(client_as_reporter):
    response = post_photo(client_as_reporter, upload(phone_jpeg()), focal_x="1.5")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["focal_x"]
    assert not Photo.objects.exists()


def saved(image, fmt, **options):
    from photos.services import save_photo
    from photos.uploads import prepare_upload

    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    content, _size = prepare_upload(upload(buffer.getvalue(), name=f"x.{fmt.lower()}"))
    photo = Photo(caption="모드 시험")
    photo.image = content
    return save_photo(photo)


@pytest.mark.parametrize(
    ("mode", "fmt", "options"),
    [
        ("CMYK", "JPEG", {}),
        ("L", "JPEG", {}),
        ("P", "PNG", {"transparency": 0}),
        ("RGBA", "PNG", {}),
        ("LA", "PNG", {}),
        ("I;16", "PNG", {}),
        ("1", "PNG", {}),
        ("RGBA", "WEBP", {}),
    ],
)
def test_every_colour_mode_gets_renditions_in_every_format(mode, fmt, options):
    from photos.renditions import all_names

    photo = saved(Image.new(mode, (300, 200)), fmt, **options)
    names = all_names(photo)
    assert names and all(storage.exists(name) for name in names)


def test_an_animated_gif_keeps_its_frames_and_gets_still_renditions():
    frames = [Image.new("RGB", (300, 200), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    photo = saved(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert stored(photo).n_frames == 3
    assert storage.exists(f"renditions/{photo.key[:2]}/{photo.key}/v1/full-300.jpg")


def test_a_failure_while_making_renditions_leaves_neither_row_nor_file(client_as_reporter, monkeypatch):
    from photos import renditions

    def broken(photo):
        raise OSError("disk full")

    monkeypatch.setattr(renditions, "make_renditions", broken)
    with pytest.raises(OSError):
        post_photo(client_as_reporter, upload(phone_jpeg()))
    assert not Photo.objects.exists()
    folders = storage.listdir("originals")[0]
    assert [name for folder in folders for name in storage.listdir(f"originals/{folder}")[1]] == []
