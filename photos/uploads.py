"""Turn an uploaded file into a photo fit to keep: checked by content, cleaned, renamed.

Every refusal is a ValidationError with its own Korean message, raised before
anything is written, so a refused upload leaves nothing behind. What is kept:

- only JPEG, PNG, WebP and GIF, decided by what the bytes are (HEIC/HEIF from
  phones is converted to JPEG); BMP, TIFF, ICO, SVG and the rest are refused;
- the EXIF orientation applied to the pixels, so no viewer has to;
- no EXIF, XMP or text chunks at all (GPS position, camera serial numbers,
  owner names live there): the file is re-encoded from pixels, and only the
  ICC colour profile is carried over.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# What Pillow calls the formats we keep, and how each is stored.
KEPT_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# Phone formats converted to JPEG on the way in.
CONVERTED_FORMATS = {"HEIF", "AVIF"}


def refuse(message, code):
    raise ValidationError(message, code=code)


def check_size(upload):
    limit = settings.PHOTO_MAX_BYTES
    if upload.size > limit:
        refuse(
            _("사진이 너무 큽니다: 최대 %(limit)s까지 올릴 수 있습니다 (이 파일은 %(size)s).")
            % {"limit": filesizeformat(limit), "size": filesizeformat(upload.size)},
            "too_large",
        )
    if not upload.size:
        refuse(_("빈 파일입니다. 사진 파일을 골라 주세요."), "empty")


def check_pixels(width, height):
    limit = settings.PHOTO_MAX_PIXELS
    if width * height > limit:
        refuse(
            _("사진이 너무 큽니다: 최대 %(limit)s화소까지 올릴 수 있습니다 (이 사진은 %(width)s×%(height)s).")
            % {"limit": f"{limit:,}", "width": width, "height": height},
            "too_many_pixels",
        )


def open_image(data):
    """The image in these bytes, fully decoded, or a refusal saying what is wrong with it."""
    not_a_photo = _(
        "JPEG·PNG·WebP·GIF·HEIC 사진만 올릴 수 있습니다. 이 파일은 사진이 아니거나 지원하지 않는 형식입니다."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            kind = image.format
            if kind not in KEPT_FORMATS and kind not in CONVERTED_FORMATS:
                refuse(not_a_photo, "unsupported_format")
            check_pixels(*image.size)
            image.load()
    except (UnidentifiedImageError, ValueError):
        refuse(not_a_photo, "unsupported_format")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        check_pixels(10**9, 1)
    except (OSError, SyntaxError, EOFError):
        refuse(_("사진 파일이 손상되었거나 끝까지 올라오지 않았습니다. 원본 파일로 다시 올려 주세요."), "corrupt")
    return image, kind


def clean_pixels(image, kind):
    """The picture upright, in a mode its stored format can hold, with no metadata but the colour profile."""
    icc_profile = image.info.get("icc_profile")
    animated = kind == "GIF" and getattr(image, "n_frames", 1) > 1
    if not animated:
        image = ImageOps.exif_transpose(image)
    if kind in CONVERTED_FORMATS or kind == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
    image.info = {}
    return image, icc_profile, animated


def encode(image, kind, icc_profile, animated):
    """Bytes of the cleaned picture in the format it is stored in."""
    stored = "JPEG" if kind in CONVERTED_FORMATS else kind
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if stored == "JPEG":
        options.update(quality=92, optimize=True)
    elif stored == "WEBP":
        options.update(quality=92)
    elif stored == "GIF" and animated:
        options.update(save_all=True)
        options.pop("icc_profile", None)
    buffer = io.BytesIO()
    image.save(buffer, stored, exif=b"", **options)
    return buffer.getvalue(), KEPT_FORMATS[stored]


def prepare_upload(upload):
    """A ContentFile of the cleaned photo (named only by its type) and its size, or a ValidationError."""
    check_size(upload)
    upload.seek(0)
    data = upload.read()
    image, kind = open_image(data)
    image, icc_profile, animated = clean_pixels(image, kind)
    content, extension = encode(image, kind, icc_profile, animated)
    return ContentFile(content, name=f"photo.{extension}"), image.size
