"""The sitemap of reporters' pages."""

from django.contrib.sitemaps import Sitemap

from reporters.models import Reporter


class ReporterSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Reporter.objects.active().only("slug").order_by("name")
