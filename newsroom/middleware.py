"""Request hygiene that every view can rely on."""

from django.http import HttpResponseBadRequest, QueryDict
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext


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
