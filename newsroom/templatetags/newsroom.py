"""Template filters for how Korean news sites print dates."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def kst(value):
    """'2020/08/06 [16:06]' in the site's zone (Asia/Seoul by default)."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%Y/%m/%d [%H:%M]")


@register.filter
def kst_date(value):
    """'2020/08/06' in the site's zone."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%Y/%m/%d")


@register.filter
def kst_time(value):
    """'16:06' in the site's zone."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%H:%M")


@register.filter
def kst_short(value):
    """'08/06 [16:06]' this year, '2019/08/06' before: for narrow admin columns."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if local.year == timezone.localtime().year:
        return local.strftime("%m/%d [%H:%M]")
    return local.strftime("%Y/%m/%d")
