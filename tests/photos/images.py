"""Generated test pictures: phone photos with GPS and a rotation, HEIC, and files that must be refused."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE, MODEL, SERIAL = 0x010F, 0x0110, 0xA431  # BodySerialNumber lives in the Exif IFD


def phone_exif(orientation=6):
    """EXIF as a phone writes it: camera, serial number, GPS position (37°33'59"N 126°58'41"E), orientation."""
    exif = Image.Exif()
    exif[MAKE] = "Apple"
    exif[MODEL] = "iPhone 15"
    exif[ORIENTATION] = orientation
    exif.get_ifd(0x8769)[SERIAL] = "F2LXK0SERIAL"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (37.0, 33.0, 59.0), 3: "E", 4: (126.0, 58.0, 41.0)})
    return exif


# Made once: a profile's bytes carry its creation time.
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def srgb_profile():
    return SRGB


def landscape(size=(1200, 800)):
    """A picture whose left half is red and right half blue, so a rotation shows."""
    image = Image.new("RGB", size, (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    return image


def upload(data, name="IMG_4031.JPG", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def phone_jpeg(size=(1200, 800), orientation=6):
    buffer = io.BytesIO()
    landscape(size).save(buffer, "JPEG", exif=phone_exif(orientation), icc_profile=srgb_profile(), quality=90)
    return buffer.getvalue()


def encoded(fmt, size=(64, 48), **options):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, fmt, **options)
    return buffer.getvalue()


def heic(size=(640, 480)):
    from pillow_heif import from_pillow

    buffer = io.BytesIO()
    from_pillow(landscape(size)).save(buffer, quality=80, exif=phone_exif(1).tobytes())
    return buffer.getvalue()
