"""Sending a photo file once a view has decided the visitor may see it.

Three ways, by setting: Django streams the file from the storage (default,
and fine behind a CDN); or, with PHOTO_ACCEL_PREFIX, nginx sends it from an
`internal` location (X-Accel-Redirect), so no Python process is tied up.
Names come from renditions.name(), never from the request path.
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control

from photos.renditions import CONTENT_TYPES
from photos.storage import storage

CONTENT_TYPES = {**CONTENT_TYPES, "png": "image/png", "gif": "image/gif"}


def send(name, public):
    """A response carrying the stored file `name`; cacheable by anyone only when `public`."""
    content_type = CONTENT_TYPES[name.rsplit(".", 1)[-1]]
    if settings.PHOTO_ACCEL_PREFIX:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.PHOTO_ACCEL_PREFIX.rstrip("/") + "/" + name
    else:
        try:
            response = FileResponse(storage.open(name, "rb"), content_type=content_type)
        except FileNotFoundError:
            raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        # Short-lived: a withdrawn story's photo must stop being served soon, by browsers and CDNs too.
        patch_cache_control(response, public=True, max_age=settings.PHOTO_CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
