"""Template context every page gets: the site name and the section menu."""

from django.core.cache import cache

from articles.models import Section
from newsroom import identity, pagecache

SECTIONS_CACHE_SECONDS = 300


def nav_sections():
    """The sections for the menu, cached until any content changes (pagecache's generation)."""
    key = f"newsroom:nav-sections:{pagecache.generation()}"
    sections = cache.get(key)
    if sections is None:
        sections = list(Section.objects.all())
        cache.set(key, sections, SECTIONS_CACHE_SECONDS)
    return sections


def site(request):
    return {"SITE_NAME": identity.site_name_lazy(), "nav_sections": nav_sections}
