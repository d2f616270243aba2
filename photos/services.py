"""Saving a photo from any path (admin, demo loader, a script) goes through here."""

from django.db import transaction

from photos import renditions
from photos.models import Photo
from photos.storage import storage


def save_photo(photo, by=None):
    """Save the photo and make its renditions when its file or focal point is new; all or nothing."""
    adding = photo.pk is None
    try:
        with transaction.atomic():
            before = None if adding else Photo.objects.filter(pk=photo.pk).values("image", "focal_x", "focal_y").first()
            if adding and by is not None and photo.uploaded_by_id is None:
                photo.uploaded_by = by
            photo.save()
            now = {"image": photo.image.name, "focal_x": photo.focal_x, "focal_y": photo.focal_y}
            if before != now or not photo.rendition_formats:
                renditions.make_renditions(photo)
    except Exception:
        if adding and photo.image.name:
            storage.delete(photo.image.name)  # the row is rolled back; its file must not stay behind
        raise
    return photo
