"""The root URLconf. It names apps' URLconfs as strings only: newsroom imports no app."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, register_converter
from django.views.static import serve

from newsroom import identity
from newsroom.converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")

# For machines: one address each, in Korean (the site's canonical language), never under /en/.
urlpatterns = [
    path("", include("publication.machine_urls")),
    # Reader comments post and fetch their challenge here in any interface language (comments.js).
    path("comments/", include("comments.urls")),
    path("captcha/", include("comments.captcha_urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

# For readers: Korean at the plain address whatever the browser asks for; English only under /en/.
urlpatterns += i18n_patterns(
    path("", include("publication.front_urls")),
    path("search/", include("search.urls")),
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
