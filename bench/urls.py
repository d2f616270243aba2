"""The site's URLs plus /bench/reference/: 30 KB from Django with no database, the yardstick."""

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

REFERENCE_BODY = ("<p>" + "뉴스룸 기준 응답 " * 20 + "</p>\n") * 60


def reference(request):
    return HttpResponse(REFERENCE_BODY[: 30 * 1024])


urlpatterns = [path("bench/reference/", reference), *site_urlpatterns]
