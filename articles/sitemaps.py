"""Sitemaps of published articles and of the sections."""

from django.contrib.sitemaps import Sitemap

from articles.models import Article, Section


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().only("pk", "slug", "published_at", "revised_at").newest_first()

    def lastmod(self, item):
        return item.revised_at if item.was_revised else item.published_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()
