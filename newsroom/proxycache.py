"""What shared caches in front of the app (the nginx of deploy/, a CDN) may keep.

An anonymous reader's page (a view decorated with ``@reader_page``, a GET or
HEAD without a session or ``read_primary`` cookie, answered 200 or 304 without
setting a cookie) says ``Cache-Control: public, max-age=0, s-maxage=N`` with N
= ``SHARED_CACHE_SECONDS``: browsers ask again every time (cheap with the
page's ETag), a proxy keeps the page N seconds and then revalidates it. There
is no purge: a withdrawn or edited story leaves every proxy within N seconds
(plus one page's rendering), while the app's own page cache drops it at once.

Any other answer of a reader page (a logged-in user's, one that sets a cookie)
says ``private, no-cache``; everything else keeps what Django or its view said (the
admin says ``no-store``, previews ``private, no-store``). The proxy adds its own
guards (deploy/nginx.conf.template): requests with a session or ``read_primary``
cookie pass through, answers that set a cookie are never stored.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from newsroom.dbrouter import STICKY_COOKIE


def shareable(request, response):
    return (
        settings.SHARED_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and STICKY_COOKIE not in request.COOKIES
        and response.status_code in (200, 304)
        and not response.cookies
    )


class SharedCacheMiddleware:
    """Mark reader pages for shared caches. It sits near the top, so it sees every cookie set below it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "reader_page", False):  # set by newsroom.pagecache.PageCacheMiddleware
            return response
        if shareable(request, response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.SHARED_CACHE_SECONDS)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response
