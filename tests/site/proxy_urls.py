"""The site's URLs plus two pages that set a cookie, to show that no cache keeps such an answer."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from bench.urls import urlpatterns as site_urlpatterns
from newsroom.pagecache import reader_page


@reader_page
def reader_page_with_cookie(request):
    response = HttpResponse("쿠키를 주는 독자 페이지")
    response.set_cookie("visited", "1")
    return response


@reader_page
def reader_page_with_csrf_token(request):
    """A form's token in the page: CsrfViewMiddleware sets its cookie after the view has answered."""
    return HttpResponse(f"토큰 {get_token(request)}")


def public_page_with_cookie(request):
    """Claims a shared cache may keep it, and sets a cookie: the proxy must still not store it."""
    response = HttpResponse("쿠키를 주는 공개 페이지")
    response["Cache-Control"] = "public, s-maxage=60"
    response.set_cookie("visited", "1")
    return response


urlpatterns = [
    path("test/reader-cookie/", reader_page_with_cookie),
    path("test/reader-csrf/", reader_page_with_csrf_token),
    path("test/public-cookie/", public_page_with_cookie),
    *site_urlpatterns,
]
