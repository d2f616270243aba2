"""Request hygiene that every view can rely on."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, QueryDict
from django.template.loader import render_to_string
from django.utils.translation import gettext

logger = logging.getLogger(__name__)


class NulBytesMiddleware:
    """Keep NUL bytes, which PostgreSQL cannot store or compare, away from every lookup.

    In the query string they become spaces, so a search or an autocomplete box
    still answers (and a filter given only a NUL is simply not a valid choice);
    in the path there is nothing sensible to read, so the answer is a 400.
    POSTed form fields are already refused by Django's null-character validator.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseBadRequest(gettext("잘못된 요청입니다: 주소에 쓸 수 없는 문자가 있습니다."))
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            request.GET = self.cleaned(request.GET)
        return self.get_response(request)

    @staticmethod
    def cleaned(query):
        result = QueryDict(mutable=True)
        for key, values in query.lists():
            result.setlist(key.replace("\x00", " "), [value.replace("\x00", " ") for value in values])
        result._mutable = False
        return result


class DatabaseOutageMiddleware:
    """With the database down, say so with a 503 the browser and proxies retry, not a 500.

    Reader pages that were cached are served stale before this is reached (newsroom/pagecache.py);
    the page rendered here needs no database. Django closes the broken connection at the end of
    the request, so the site recovers by itself when the database returns.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s: %s", request.path, exception)
        # No request context: its processors could reach for the database that just failed.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
