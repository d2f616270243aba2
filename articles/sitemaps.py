"""The sitemap of published articles."""

from django.contrib.sitemaps import Sitemap

from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().newest_first()

    def lastmod(self, item):
        return item.revised_at if item.was_revised else item.published_at
