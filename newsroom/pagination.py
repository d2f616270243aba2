"""One way to page through reader lists."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    """Return the requested page; a page number that is not a number or is out of range is a 404."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise Http404(_("잘못된 쪽 번호입니다."))
    number = int(raw)
    if number < 1 or (number > 1 and number > paginator.num_pages):
        raise Http404(_("없는 쪽입니다."))
    return paginator.page(number)
