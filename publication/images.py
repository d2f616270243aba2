"""The one place that says which picture stands for an article in share cards and JSON-LD.

og:image, twitter:image and JSON-LD's `image` all come from `share_image`: the lead photo's
16:9 crop as a JPEG about 1200 px wide, public once the article is (photos are served only then).
"""

from dataclasses import dataclass

from photos.templatetags.photos import nearest, rendition_url

SHARE_IMAGE_WIDTH = 1200
SHARE_CROP = "wide"


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int | None
    height: int | None
    alt: str = ""


def share_image(request, article):
    """The article's picture for share cards and search engines, or None."""
    photo = article.lead_photo
    if photo is None or "jpg" not in photo.formats:
        return None
    widths = photo.rendition_widths(SHARE_CROP)
    if not widths:
        return None
    width = nearest(widths, SHARE_IMAGE_WIDTH)
    shown_width, shown_height = photo.rendition_size(SHARE_CROP, width)
    url = rendition_url(photo, SHARE_CROP, width, "jpg")
    return ShareImage(request.build_absolute_uri(url), shown_width, shown_height, photo.alt_text)


def logo_image(request, site):
    """The paper's logo for JSON-LD's publisher, or None."""
    if not site.logo:
        return None
    # Kept on the record when the settings are saved (SiteSettings.save()): no file is opened per page.
    return ShareImage(request.build_absolute_uri(site.logo.url), site.logo_width, site.logo_height, str(site.name))
