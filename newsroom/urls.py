from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter
from django.views.static import serve

from articles.sitemaps import ArticleSitemap, SectionSitemap
from events.sitemaps import EventSitemap
from newsroom import identity, views
from newsroom.converters import UnicodeSlugConverter
from organisations.sitemaps import OrganisationSitemap
from publication import views as publication_views
from reporters.sitemaps import ReporterSitemap

register_converter(UnicodeSlugConverter, "uslug")

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "reporters": ReporterSitemap,
    "organisations": OrganisationSitemap,
    "events": EventSitemap,
}

# For machines: one address each, in Korean (the site's canonical language), never under /en/.
urlpatterns = [
    path("robots.txt", publication_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("news-sitemap.xml", publication_views.news_sitemap, name="news_sitemap"),
    path("<str:key>.txt", publication_views.indexnow_key, name="indexnow_key"),
    # Reader comments post and fetch their challenge here in any interface language (comments.js).
    path("comments/", include("comments.urls")),
    path("captcha/", include("comments.captcha_urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

# For readers: Korean at the plain address whatever the browser asks for; English only under /en/.
urlpatterns += i18n_patterns(
    path("", publication_views.front_page, name="front_page"),
    path("search/", views.search, name="search"),
    path("", include("articles.urls")),
    path("reporters/", include("reporters.urls")),
    path("organisations/", include("organisations.urls")),
    path("events/", include("events.urls")),
    path("", include("publication.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Development only; production serves /media/ from the web server or a bucket.
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

admin.site.site_header = identity.site_name_lazy()
admin.site.site_title = identity.site_name_lazy()
