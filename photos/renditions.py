"""Renditions: the resized, cropped copies readers get, made once and never on a reader's request.

Each photo has three crops — "full" (the whole picture), "wide" (16:9) and
"square" (1:1), the crops cut around the focal point — each in a few widths
for srcset, each width in AVIF (where this Pillow can write it), WebP and
JPEG. They are made by `make_renditions` when a photo is saved with a new
file or focal point (photos.services.save_photo), under a new version number
so that caches never mix old and new crops; the old files are then removed.
"""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_delete
from PIL import Image, features

from photos.storage import storage

CROPS = {"full": None, "wide": (16, 9), "square": (1, 1)}
WIDTHS = {"full": (480, 800, 1200, 1600), "wide": (320, 640, 1200), "square": (160, 320, 640)}
CONTENT_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg"}
SAVE_OPTIONS = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}


def available_formats():
    """Formats to write, best first: AVIF only where the installed Pillow supports it."""
    wanted = ["avif", "webp", "jpg"] if settings.PHOTO_AVIF and features.check("avif") else ["webp", "jpg"]
    return wanted


def crop_box(photo, crop):
    """(left, top, right, bottom) of the crop in the original, centred on the focal point as far as it fits."""
    width, height = photo.width, photo.height
    ratio = CROPS[crop]
    if ratio is None:
        return (0, 0, width, height)
    if width * ratio[1] > height * ratio[0]:
        box_w, box_h = round(height * ratio[0] / ratio[1]), height
    else:
        box_w, box_h = width, round(width * ratio[1] / ratio[0])
    left = min(max(round(photo.focal_x * width - box_w / 2), 0), width - box_w)
    top = min(max(round(photo.focal_y * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def widths(photo, crop):
    """The widths made for this crop: the standard steps below its size, and at most its own width."""
    left, _, right, _ = crop_box(photo, crop)
    largest = min(right - left, WIDTHS[crop][-1])
    if largest <= 0:
        return []
    return sorted({w for w in WIDTHS[crop] if w < largest} | {largest})


def size(photo, crop, width):
    """(width, height) of one rendition."""
    left, top, right, bottom = crop_box(photo, crop)
    return width, max(1, round(width * (bottom - top) / (right - left)))


def name(photo, crop, width, extension, version=None):
    """The storage name of one rendition file."""
    version = photo.rendition_version if version is None else version
    return f"renditions/{photo.key[:2]}/{photo.key}/v{version}/{crop}-{width}.{extension}"


def all_names(photo, version=None, formats=None):
    """Every rendition file of one version."""
    formats = photo.formats if formats is None else formats
    return [
        name(photo, crop, width, extension, version)
        for crop in CROPS
        for width in widths(photo, crop)
        for extension in formats
    ]


def encode(image, extension, icc_profile):
    kind, options = SAVE_OPTIONS[extension]
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        flat = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    buffer = io.BytesIO()
    image.save(buffer, kind, **options, **({"icc_profile": icc_profile} if icc_profile else {}))
    return buffer.getvalue()


def make_renditions(photo):
    """Write every rendition of the photo under a new version, then forget the old version's files."""
    old_version, old_formats = photo.rendition_version, photo.formats
    version, formats = old_version + 1, available_formats()
    with storage.open(photo.image.name, "rb") as handle:
        original = Image.open(handle)
        original.load()
    icc_profile = original.info.get("icc_profile")
    if original.mode == "P":
        original = original.convert("RGBA")
    written = []
    try:
        for crop in CROPS:
            cropped = original.crop(crop_box(photo, crop))
            for width in widths(photo, crop):
                resized = cropped.resize(size(photo, crop, width), Image.Resampling.LANCZOS, reducing_gap=3.0)
                for extension in formats:
                    target = name(photo, crop, width, extension, version)
                    if storage.exists(target):  # left by a save that was rolled back
                        storage.delete(target)
                    written.append(storage.save(target, ContentFile(encode(resized, extension, icc_profile))))
    except Exception:
        for target in written:
            storage.delete(target)
        raise
    old = all_names(photo, old_version, old_formats) if old_formats else []
    photo.rendition_version, photo.rendition_formats = version, " ".join(formats)
    photo.save(update_fields=["rendition_version", "rendition_formats"])  # a signal ends cached pages
    transaction.on_commit(lambda: delete_files(old))


def delete_files(names):
    for target in names:
        storage.delete(target)


def forget_files(sender, instance, **kwargs):
    """A deleted photo's files go once the deletion is committed."""
    names = [instance.image.name, *all_names(instance)] if instance.image else all_names(instance)
    transaction.on_commit(lambda: delete_files(names))


def connect_signals():
    from photos.models import Photo

    post_delete.connect(forget_files, sender=Photo, dispatch_uid="photos:forget_files")
