"""Saving a photo from any path (admin, demo loader, a script) goes through here."""

from django.db import transaction

from photos.models import Photo
from photos.renditions import make_renditions


def save_photo(photo, by=None):
    """Save the photo and make its renditions when its file or focal point is new."""
    with transaction.atomic():
        before = Photo.objects.filter(pk=photo.pk).values("image", "focal_x", "focal_y").first() if photo.pk else None
        if before is None and by is not None and photo.uploaded_by_id is None:
            photo.uploaded_by = by
        photo.save()
        now = {"image": photo.image.name, "focal_x": photo.focal_x, "focal_y": photo.focal_y}
        if before != now or not photo.rendition_formats:
            make_renditions(photo)
    return photo
