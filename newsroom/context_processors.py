"""Template context every page gets: the site name and the section menu."""

from articles.models import Section
from newsroom import identity, pagecache

SECTIONS_CACHE_SECONDS = 300


def nav_sections():
    """The sections for the menu, cached until any content changes (pagecache's generation)."""
    return pagecache.remember("nav-sections", lambda: list(Section.objects.all()), SECTIONS_CACHE_SECONDS)


def site(request):
    return {"SITE_NAME": identity.site_name_lazy(), "nav_sections": nav_sections}
