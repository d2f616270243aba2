"""The project's URLs with /media/ served by Django, as `make run` (DEBUG, SERVE_MEDIA) has them."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import urlpatterns as project_urlpatterns


def serve_media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)  # each test has its own MEDIA_ROOT


urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media), *project_urlpatterns]
