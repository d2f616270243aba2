"""Request hygiene that every view can rely on."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext


class RejectNulBytesMiddleware:
    """Answer 400 to a NUL byte in the path or query string.

    PostgreSQL cannot store or compare text containing NUL, so such a value
    reaching any lookup (admin search, autocomplete, filters) would be a 500.
    Forms already refuse it in POSTed fields (Django's null-character validator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *request.GET.keys(), *(v for _key, vs in request.GET.lists() for v in vs)]
        if any("\x00" in value for value in values):
            return HttpResponseBadRequest(gettext("잘못된 요청입니다: 주소에 쓸 수 없는 문자가 있습니다."))
        return self.get_response(request)
