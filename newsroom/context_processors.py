"""Template context every page gets: the site name and the section menu."""

from django.conf import settings
from django.core.cache import cache

from articles.models import Section

SECTIONS_CACHE_KEY = "newsroom:nav-sections"
SECTIONS_CACHE_SECONDS = 300


def nav_sections():
    """The sections for the menu, cached so reader pages skip the query."""
    sections = cache.get(SECTIONS_CACHE_KEY)
    if sections is None:
        sections = list(Section.objects.all())
        cache.set(SECTIONS_CACHE_KEY, sections, SECTIONS_CACHE_SECONDS)
    return sections


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "nav_sections": nav_sections}
