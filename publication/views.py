"""Reader views of the paper itself: front page, own pages, and what machines read (robots, sitemaps, IndexNow,
the icon)."""

import datetime

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_safe

from articles.models import Article
from newsroom.pagecache import reader_page
from publication.frontpage import line_up
from publication.models import Page, SiteSettings

NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1,000 entries per sitemap


@reader_page
def front_page(request):
    return render(request, "front_page.html", {"page": line_up()})


@reader_page
def page_detail(request, kind):
    page = get_object_or_404(Page, kind=kind)
    return render(request, "publication/page_detail.html", {"page": page})


@require_safe
def robots_txt(request):
    base = f"{request.scheme}://{request.get_host()}"
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "",
        f"Sitemap: {base}/sitemap.xml",
        f"Sitemap: {base}/news-sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# How long clients may keep /favicon.ico's answer: the icon's own address changes with its content (the
# static files' manifest), so the redirect is temporary, kept a day.
FAVICON_REDIRECT_SECONDS = 24 * 3600


@require_safe
def favicon(request):
    """Browsers and feed readers ask /favicon.ico whatever the page's <link rel="icon"> says: send them to the
    icon itself rather than render a 404 page for every new visitor."""
    response = HttpResponseRedirect(static("img/favicon.svg"))
    patch_cache_control(response, public=True, max_age=FAVICON_REDIRECT_SECONDS)
    return response


@require_safe
def indexnow_key(request, key):
    """IndexNow checks that we own the site by fetching /<key>.txt; any other name is a plain 404."""
    site = SiteSettings.current()
    if not (site.indexnow_key and site.indexnow_enabled and constant_time_compare(key, site.indexnow_key)):
        raise Http404
    return HttpResponse(site.indexnow_key, content_type="text/plain; charset=utf-8")


@reader_page
def news_sitemap(request):
    """Google News sitemap: articles published in the last 48 hours."""
    since = timezone.now() - datetime.timedelta(hours=NEWS_SITEMAP_HOURS)
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .only("pk", "slug", "headline", "published_at")
        .newest_first()[:NEWS_SITEMAP_LIMIT]
    )
    context = {"articles": articles, "base": f"{request.scheme}://{request.get_host()}", "site": SiteSettings.current()}
    return render(request, "publication/news_sitemap.xml", context, content_type="application/xml; charset=utf-8")
