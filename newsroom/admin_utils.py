"""Small helpers the apps' admin classes share."""

from django.utils.html import format_html


def thumbnail(image_spec, alt=""):
    """An <img> for a list column, or a dash when there is no image."""
    try:
        url = image_spec.url if image_spec else None
    except (OSError, ValueError):
        # A missing or unreadable source file must not break the whole list.
        url = None
    if not url:
        return "—"
    return format_html('<img src="{}" alt="{}" style="height:48px;border-radius:4px">', url, alt)
