"""The sitemap of events' pages."""

from django.contrib.sitemaps import Sitemap

from events.models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.only("slug", "starts_at").order_by("-starts_at")
