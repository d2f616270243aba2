"""Ways to page through reader lists.

Article lists (sections, tags, reporters, organisations) grow without end, so
they page by *keyset*: "older" and "newer" links carry the position of the
last article shown (its publication time and id), and each page reads just the
rows it shows through the list index — no ``COUNT(*)``, no ``OFFSET``, the
same cost on page 1 and page 5,000. Small lists (events) and search, which
report a total, use numbered pages.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_SIZE = 20
CURSOR_RE = re.compile(r"^(\d{1,16})-(\d{1,18})$")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def page_number(request):
    """The numbered page asked for (?page=, 1 without); anything but a number of up to six digits is a 404."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise Http404(_("잘못된 쪽 번호입니다."))
    return int(raw)


def paginate(request, queryset, per_page=PAGE_SIZE):
    """Return the requested numbered page; a page number that is not a number or is out of range is a 404."""
    paginator = Paginator(queryset, per_page)
    number = page_number(request)
    if number < 1 or (number > 1 and number > paginator.num_pages):
        raise Http404(_("없는 쪽입니다."))
    return paginator.page(number)


def make_cursor(article):
    """The position of an article in a newest-first list: '<microseconds since 1970>-<id>'."""
    delta = article.published_at - EPOCH
    micros = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    return f"{micros}-{article.pk}"


def read_cursor(raw):
    """(published_at, id) from a cursor; anything else is a 404."""
    match = CURSOR_RE.match(raw) if raw.isascii() else None
    if not match:
        raise Http404(_("잘못된 쪽 주소입니다."))
    micros, pk = (int(group) for group in match.groups())
    return EPOCH + datetime.timedelta(microseconds=micros), pk  # 16 digits stay before the year 2287


@dataclass
class KeysetPage:
    """One page of a newest-first list, with the cursors of its neighbours (None at either end)."""

    object_list: list
    older: str | None
    newer: str | None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_other_pages(self):
        return bool(self.older or self.newer)


def keyset_page(request, queryset, per_page=PAGE_SIZE):
    """A page of queryset (newest first by published_at, id) from ?before= or ?after=; a bad cursor is a 404."""
    before, after = request.GET.get("before"), request.GET.get("after")
    if before is not None and after is not None:
        raise Http404(_("잘못된 쪽 주소입니다."))
    if after is not None:
        at, pk = read_cursor(after)
        # A range the index can start from, then the tie-break on id: (published_at, id) > (at, pk).
        newer_first = queryset.filter(published_at__gte=at).exclude(published_at=at, pk__lte=pk)
        rows = list(newer_first.order_by("published_at", "id")[: per_page + 1])
        if len(rows) > per_page:
            rows = rows[:per_page][::-1]
            return KeysetPage(rows, make_cursor(rows[-1]), make_cursor(rows[0]))
        # Back at the top: the first page itself, full, rather than the few newest rows.
    elif before is not None:
        at, pk = read_cursor(before)
        queryset = queryset.filter(published_at__lte=at).exclude(published_at=at, pk__gte=pk)
    rows = list(queryset.order_by("-published_at", "-id")[: per_page + 1])
    more_older = len(rows) > per_page
    rows = rows[:per_page]
    newer = make_cursor(rows[0]) if before is not None and rows else None
    return KeysetPage(rows, make_cursor(rows[-1]) if more_older else None, newer)
