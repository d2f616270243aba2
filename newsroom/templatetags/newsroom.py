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
