from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter
from django.views.static import serve

from articles.sitemaps import ArticleSitemap
from newsroom import views
from newsroom.converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("", views.front_page, name="front_page"),
    path("search/", views.search, name="search"),
    path("", include("articles.urls")),
    path("reporters/", include("reporters.urls")),
    path("organisations/", include("organisations.urls")),
    path("events/", include("events.urls")),
    path("comments/", include("comments.urls")),
    path("captcha/", include("comments.captcha_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"articles": ArticleSitemap}}, name="sitemap"),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.SERVE_MEDIA:
    # Development only; production serves /media/ from the web server or a bucket.
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
