"""Render stored rich text. It was sanitised on save; sanitising again costs
microseconds and protects readers from rows written around the ORM."""

from django import template
from django.utils.safestring import mark_safe

from articles.richtext import sanitize_body

register = template.Library()


@register.filter
def richtext(value):
    return mark_safe(sanitize_body(value or ""))  # noqa: S308 - sanitised by nh3 just above
