"""The sitemap of organisations' pages."""

from django.contrib.sitemaps import Sitemap

from organisations.models import Organisation


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Organisation.objects.only("slug").order_by("name")
