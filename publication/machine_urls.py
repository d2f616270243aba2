"""Addresses for machines (robots, sitemaps, IndexNow, the icon): one each, in Korean, never under /en/.

Included by the root URLconf outside i18n_patterns, without a namespace: Django's sitemap
index reverses its sections by the name "django.contrib.sitemaps.views.sitemap".
"""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from articles.sitemaps import ArticleSitemap, SectionSitemap
from events.sitemaps import EventSitemap
from organisations.sitemaps import OrganisationSitemap
from publication import views
from reporters.sitemaps import ReporterSitemap

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "reporters": ReporterSitemap,
    "organisations": OrganisationSitemap,
    "events": EventSitemap,
}

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("<str:key>.txt", views.indexnow_key, name="indexnow_key"),
]
