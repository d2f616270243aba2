"""Move every article's own photo into the photo library, private and cleaned.

Each Article.photo becomes a Photo (with its caption, credit and alt text)
used as the article's lead photo. The file is re-encoded from its pixels —
orientation applied, EXIF/XMP (GPS, camera serials) dropped, colour profile
kept — stored under a random name in the private photos storage, and removed
from the public media folder together with django-imagekit's resized copies. Renditions are made afterwards by
`manage.py make_renditions` (run by `make setup`), which needs today's code.
"""

import io
import posixpath
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations
from PIL import Image, ImageOps

KEPT = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def cleaned(data):
    """The picture re-encoded without metadata (colour profile kept), its extension and size."""
    image = Image.open(io.BytesIO(data))
    kind = image.format if image.format in KEPT else "JPEG"
    icc_profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if kind == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, kind, exif=b"", **({"icc_profile": icc_profile} if icc_profile else {}))
    return buffer.getvalue(), KEPT[kind], image.size


def forget_public_copies(name):
    """Delete the old photo and django-imagekit's resized copies of it (CACHE/images/<name without ext>/)."""
    default_storage.delete(name)
    cache_folder = f"CACHE/images/{posixpath.splitext(name)[0]}"
    try:
        _folders, files = default_storage.listdir(cache_folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for file_name in files:
        default_storage.delete(f"{cache_folder}/{file_name}")


def move(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Photo = apps.get_model("photos", "Photo")
    PhotoUse = apps.get_model("articles", "PhotoUse")
    for article in Article.objects.exclude(photo="").exclude(photo__isnull=True).iterator():
        old_name = article.photo.name
        try:
            with default_storage.open(old_name, "rb") as handle:
                content, extension, (width, height) = cleaned(handle.read())
        except (OSError, ValueError, SyntaxError):
            continue  # a missing or unreadable file: nothing to keep, and nothing left public
        photo = Photo(
            key=secrets.token_urlsafe(16),
            caption=article.photo_caption,
            credit=article.photo_credit,
            alt_text=article.photo_alt,
            uploaded_by_id=article.created_by_id,
        )
        photo.image.save(f"photo.{extension}", ContentFile(content), save=False)
        photo.width, photo.height = width, height
        photo.save()
        Article.objects.filter(pk=article.pk).update(lead_photo=photo)
        PhotoUse.objects.create(article_id=article.pk, photo=photo, role="lead")
        forget_public_copies(old_name)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_photo_library"), ("photos", "0001_initial")]

    # Going back would put cleaned files under public names again; the library stays.
    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
