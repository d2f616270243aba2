"""Request hygiene that every view can rely on."""

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.utils.translation import gettext
from django.views.defaults import page_not_found


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
