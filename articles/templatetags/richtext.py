"""Render stored rich text. It was sanitised on save; sanitising again costs
microseconds and protects readers from rows written around the ORM."""

import re

from django import template
from django.utils.safestring import mark_safe

from articles.page import BODY_PHOTOS_ATTR
from articles.richtext import sanitize_body
from photos.models import Photo
from photos.templatetags.photos import figure_html

register = template.Library()

# A library photo in a sanitised body: nh3 writes attributes as name="value".
BODY_FIGURE = re.compile(r'<figure data-photo-id="([^"]*)">\s*</figure>')


@register.filter
def richtext(value):
    return mark_safe(sanitize_body(value or ""))  # noqa: S308 - sanitised by nh3 just above


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The body, its library photos rendered as <figure>s with renditions and captions.

    Photos come from the article page's one relations query (articles.page); any it missed, from one query.
    """
    html = sanitize_body(article.body or "")
    ids = {int(pk) for pk in BODY_FIGURE.findall(html) if pk.isdigit() and len(pk) < 19}
    photos = dict(getattr(article, BODY_PHOTOS_ATTR, None) or {})  # the article page loaded them already
    missing = ids - photos.keys()
    if missing:
        photos.update(Photo.objects.in_bulk(missing))

    def figure(match):
        photo = photos.get(int(match[1])) if match[1].isdigit() and len(match[1]) < 19 else None
        if photo is None:
            return ""  # a reference to nothing shows nothing
        return figure_html(photo, lazy=True, token=context.get("photo_preview_token"))

    return mark_safe(BODY_FIGURE.sub(figure, html))  # noqa: S308 - sanitised above; figures escaped in figure_html
