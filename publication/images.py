"""The one place that says which picture stands for an article in share cards and JSON-LD.

og:image, twitter:image and JSON-LD's `image` all come from `share_image`,
so when the photo library lands only this function changes.
"""

from dataclasses import dataclass

SHARE_IMAGE_MAX = 1200  # the article's photo_large rendition fits inside 1200×1200


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int | None
    height: int | None
    alt: str = ""


def fitted(width, height, limit=SHARE_IMAGE_MAX):
    """(width, height) after fitting inside limit×limit without enlarging."""
    scale = min(1, limit / max(width, height))
    return round(width * scale), round(height * scale)


def share_image(request, article):
    """The article's picture for share cards and search engines, or None."""
    if not article.photo:
        return None
    try:
        width, height = fitted(article.photo.width, article.photo.height)
    except (OSError, ValueError):  # a missing or unreadable file must not break the page
        width = height = None
    return ShareImage(request.build_absolute_uri(article.photo_large.url), width, height, article.photo_alt)


def logo_image(request, site):
    """The paper's logo for JSON-LD's publisher, or None."""
    if not site.logo:
        return None
    try:
        width, height = site.logo.width, site.logo.height
    except (OSError, ValueError):
        width = height = None
    return ShareImage(request.build_absolute_uri(site.logo.url), width, height, str(site.name))
