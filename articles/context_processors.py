"""Template context every reader page gets from articles: the section menu."""

from articles.models import Section
from newsroom import pagecache

SECTIONS_CACHE_SECONDS = 300


def nav_sections():
    """The sections for the menu, cached until any content changes (pagecache's generation)."""
    return pagecache.remember("nav-sections", lambda: list(Section.objects.all()), SECTIONS_CACHE_SECONDS)


def sections(request):
    return {"nav_sections": nav_sections}
