from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    name = "photos"
    verbose_name = _("사진")

    def ready(self):
        # iPhone photos arrive as HEIC; with this, Pillow opens them like any other image.
        from pillow_heif import register_heif_opener

        from photos import renditions

        register_heif_opener()
        renditions.connect_signals()
