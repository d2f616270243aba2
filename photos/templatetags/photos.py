"""Template tags that turn a library photo into <picture> data and URLs of its renditions."""

from django import template
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from newsroom.reversing import reverse
from photos.renditions import CONTENT_TYPES

register = template.Library()

# The <img src> for browsers that ignore srcset: a middling width.
FALLBACK_WIDTH = 800
# How wide the picture shows when the page does not say: the column's width.
DEFAULT_SIZES = "(max-width: 760px) 100vw, 760px"
# The columns picture_data() reads, for lists that load only what they show.
PICTURE_FIELDS = ("key", "rendition_version", "rendition_formats", "width", "height", "focal_x", "focal_y", "alt_text")


def rendition_folder(photo):
    """The URL every rendition of the photo starts with, up to its file name ("full-800.jpg", which
    needs no quoting): a <picture> names a dozen renditions, and each reverse() costs as much as
    the rest of the picture."""
    url = reverse("articles:photo", kwargs={"key": photo.key, "version": photo.rendition_version, "filename": "_"})
    return url[:-1]


def rendition_url(photo, crop, width, extension, token=None, folder=None):
    """The URL of one rendition; on a signed preview page it carries the page's token."""
    url = f"{folder or rendition_folder(photo)}{crop}-{width}.{extension}"
    return f"{url}?{urlencode({'preview': token})}" if token else url


def nearest(widths, wanted):
    """The smallest width at least `wanted`, or the largest there is."""
    return next((w for w in widths if w >= wanted), widths[-1])


def picture_data(photo, crop="full", token=None):
    """What a <picture> needs: srcsets best format first, a JPEG fallback, its size and alt; None without renditions."""
    if not photo or not photo.formats:
        return None
    widths = photo.rendition_widths(crop)
    if not widths:
        return None

    folder = rendition_folder(photo)

    def srcset(extension):
        return ", ".join(f"{rendition_url(photo, crop, w, extension, token, folder)} {w}w" for w in widths)

    src_width = nearest(widths, FALLBACK_WIDTH)
    width, height = photo.rendition_size(crop, widths[-1])
    return {
        "sources": [(CONTENT_TYPES[ext], srcset(ext)) for ext in photo.formats if ext != "jpg"],
        "srcset": srcset("jpg"),
        "src": rendition_url(photo, crop, src_width, "jpg", token, folder),
        "width": width,
        "height": height,
        "alt": photo.alt_text,
    }


@register.simple_tag(takes_context=True)
def photo_picture(context, photo, crop="full"):
    """picture_data() for a template: `{% photo_picture photo crop as pic %}`."""
    return picture_data(photo, crop, context.get("photo_preview_token"))


def picture_html(photo, crop="full", sizes="", lazy=False, token=None):
    """The <picture> of includes/photo_picture.html, or "" without renditions.

    Built in Python: list pages and the front page show one per story, and the
    template language resolving a dozen variables per picture cost more than its URLs.
    """
    pic = picture_data(photo, crop, token)
    if pic is None:
        return ""
    esc = conditional_escape
    sizes, loading = esc(sizes or DEFAULT_SIZES), ' loading="lazy"' if lazy else ""
    sources = "".join(
        f'<source type="{esc(kind)}" srcset="{esc(srcset)}" sizes="{sizes}">' for kind, srcset in pic["sources"]
    )
    return mark_safe(  # noqa: S308 - every value escaped above
        f'<picture>{sources}<img src="{esc(pic["src"])}" srcset="{esc(pic["srcset"])}" sizes="{sizes}"'
        f' width="{esc(pic["width"])}" height="{esc(pic["height"])}" alt="{esc(pic["alt"])}"'
        f'{loading} decoding="async"></picture>'
    )


def figure_html(photo, lazy=False, token=None):
    """A library photo with its caption and credit (the lead photo, photos in a body), as
    includes/photo_figure.html printed it; no <figure> for a photo without renditions."""
    esc = conditional_escape
    if not photo.formats:
        return "\n\n"  # the template's comment line and its last newline
    caption = ""
    if photo.caption or photo.credit:
        credit = f' <span class="credit">ⓒ {esc(photo.credit)}</span>' if photo.credit else ""
        caption = f"<figcaption>{esc(photo.caption)}{credit}</figcaption>"
    return mark_safe(  # noqa: S308 - every value escaped above
        f'\n<figure class="photo" data-photo-id="{esc(photo.pk)}">\n'
        f"  {picture_html(photo, 'full', '', lazy=lazy, token=token)}\n\n"
        f"  {caption}\n</figure>\n"
    )


@register.simple_tag(takes_context=True)
def picture(context, photo, crop="full", sizes="", lazy=False):
    """`{% picture photo crop sizes lazy %}`: picture_html() with the page's preview token."""
    return picture_html(photo, crop or "full", sizes, lazy, context.get("photo_preview_token"))


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
