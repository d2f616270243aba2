"""Request hygiene that every view can rely on."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, QueryDict
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.defaults import page_not_found

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


class FileNameLengthMiddleware:
    """Answer 404 for a file path no file system can hold, before any view tries to open it.

    Views that read files named by the URL (media and static files in development) would
    otherwise meet ENAMETOOLONG from the operating system and answer 500. A file name holds at
    most 255 bytes and a path 4096, so under MEDIA_URL and STATIC_URL no real file has a longer
    part; elsewhere (article slugs run to 120 Korean characters, 360 bytes) only the total counts.
    """

    MAX_PART_BYTES = 255
    MAX_PATH_BYTES = 4096

    def __init__(self, get_response):
        self.get_response = get_response
        self.file_prefixes = tuple(prefix for prefix in (settings.MEDIA_URL, settings.STATIC_URL) if prefix)

    def __call__(self, request):
        path = request.path_info.encode("utf-8", "surrogateescape")
        too_long = len(path) > self.MAX_PATH_BYTES or (
            request.path_info.startswith(self.file_prefixes)
            and any(len(part) > self.MAX_PART_BYTES for part in path.split(b"/"))
        )
        if too_long:
            return HttpResponseNotFound(gettext("찾는 파일이 없습니다: 주소가 너무 깁니다."))
        return self.get_response(request)


class QueryStringLimitMiddleware:
    """Answer 400 for a query string with more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS.

    Django refuses such a request when something reads request.GET, but with DEBUG on its error
    page reads request.GET again to show it, fails the same way and turns the 400 into a 500.
    Counting the separators, as Python's parser does, settles it before anything parses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        if limit is not None and request.META.get("QUERY_STRING", "").count("&") + 1 > limit:
            return HttpResponseBadRequest(gettext("잘못된 요청입니다: 주소의 값이 너무 많습니다."))
        return self.get_response(request)


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


class SiteNotFoundPageMiddleware:
    """Under DEBUG, answer a missing page with the site's own 404 page, as production does.

    Django's DEBUG 404 page lists every URL pattern; a person trying the site
    with `make run` should see what readers see. DEBUG_TECHNICAL_404=1 brings
    Django's page back for debugging a URL configuration. Without DEBUG this
    does nothing: Django already renders templates/404.html.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and not settings.DEBUG_TECHNICAL_404
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return page_not_found(request, Http404())
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Readers get the language their address names; the admin follows the user's choice.

    With i18n_patterns(prefix_default_language=False), Django gives every
    unprefixed address settings.LANGUAGE_CODE (Korean) whatever the browser's
    Accept-Language, which is what readers should get — but the admin is
    unprefixed too, and there the user's cookie or browser language decides.
    """

    def process_request(self, request):
        super().process_request(request)
        if self.is_admin(request):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not self.is_admin(request) and response.has_header("Vary"):
            # A reader's page no longer depends on Accept-Language, so shared caches need not split on it.
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response

    @staticmethod
    def is_admin(request):
        return request.path_info.startswith(reverse("admin:index"))
