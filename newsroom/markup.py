"""Building reader markup in Python, for the tags that print one fragment per story on list pages."""

import html

from django.utils import timezone
from django.utils.functional import Promise

from newsroom.templatetags.newsroom import KST_DATE_FORMAT, KST_FORMAT


def escape(value):
    """conditional_escape(value) as plain text, without its per-call wrappers.

    django.utils.html.conditional_escape() goes through keep_lazy and SafeString on
    every call; a list page calls it a few hundred times, so fragments built here
    escape with this and mark only the finished fragment safe.
    """
    if isinstance(value, Promise):
        value = str(value)
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def time_html(value, zone):
    """<time>: ISO 8601 (the `date:'c'` filter) and the Korean way (`kst`), both in `zone` (the site's)."""
    if not value:
        return '<time datetime=""></time>'
    local = timezone.localtime(value, zone)
    return f'<time datetime="{local.isoformat()}">{local.strftime(KST_FORMAT)}</time>'


def date_text(value, zone):
    """`kst_date`: 2020/08/06 in `zone` (the site's), or "" without a value."""
    return timezone.localtime(value, zone).strftime(KST_DATE_FORMAT) if value else ""
