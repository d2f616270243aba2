"""Template tags that turn a library photo into <picture> data and URLs of its renditions."""

from django import template
from django.utils.http import urlencode

from newsroom.reversing import reverse
from photos.renditions import CONTENT_TYPES

register = template.Library()

# The <img src> for browsers that ignore srcset: a middling width.
FALLBACK_WIDTH = 800


def rendition_url(photo, crop, width, extension, token=None):
    """The URL of one rendition; on a signed preview page it carries the page's token."""
    url = reverse(
        "articles:photo",
        kwargs={"key": photo.key, "version": photo.rendition_version, "filename": f"{crop}-{width}.{extension}"},
    )
    return f"{url}?{urlencode({'preview': token})}" if token else url


def nearest(widths, wanted):
    """The smallest width at least `wanted`, or the largest there is."""
    return next((w for w in widths if w >= wanted), widths[-1])


@register.simple_tag(takes_context=True)
def photo_picture(context, photo, crop="full"):
    """What a <picture> needs: srcsets best format first, a JPEG fallback, its size and alt; None without renditions."""
    if not photo or not photo.formats:
        return None
    widths = photo.rendition_widths(crop)
    if not widths:
        return None
    token = context.get("photo_preview_token")

    def srcset(extension):
        return ", ".join(f"{rendition_url(photo, crop, w, extension, token)} {w}w" for w in widths)

    src_width = nearest(widths, FALLBACK_WIDTH)
    width, height = photo.rendition_size(crop, widths[-1])
    return {
        "sources": [(CONTENT_TYPES[ext], srcset(ext)) for ext in photo.formats if ext != "jpg"],
        "srcset": srcset("jpg"),
        "src": rendition_url(photo, crop, src_width, "jpg", token),
        "width": width,
        "height": height,
        "alt": photo.alt_text,
    }


@register.simple_tag(takes_context=True)
def photo_url(context, photo, crop="wide", width=1200, absolute=False):
    """One JPEG rendition's URL (og:image, feeds); absolute=True adds scheme and host."""
    if not photo or "jpg" not in photo.formats:
        return ""
    widths = photo.rendition_widths(crop)
    if not widths:
        return ""
    url = rendition_url(photo, crop, nearest(widths, width), "jpg", context.get("photo_preview_token"))
    request = context.get("request")
    return request.build_absolute_uri(url) if absolute and request else url
