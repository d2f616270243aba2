"""Where photo files live: a storage of their own, never served as it is.

Originals and renditions go through Django's storage API only, to the
storage named "photos" in settings.STORAGES: a private folder by default
(PHOTO_ROOT, outside MEDIA_ROOT), or a private bucket of an S3-compatible
object store (django-storages). Readers reach a rendition only through the
view that checks publication (articles.views.photo_file).
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PhotoStorage(LazyObject):
    """storages["photos"], looked up on first use (so settings, and tests, decide which)."""

    def _setup(self):
        self._wrapped = storages["photos"]


storage = PhotoStorage()


def photo_storage():
    """The photos storage, for ImageField(storage=...): a callable keeps migrations free of settings."""
    return storage


@receiver(setting_changed)
def _forget_storage(setting, **kwargs):
    if setting == "STORAGES":
        storage._wrapped = empty
