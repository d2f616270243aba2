"""The RSS feed of the latest published articles, correction notes included."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article

FEED_ARTICLES = 30


class LatestArticlesFeed(Feed):
    description = _("새로 출고한 기사")
    description_template = "articles/feed_item.html"

    def title(self):
        return str(settings.SITE_NAME)

    def link(self):
        return reverse("front_page")

    def items(self):
        return Article.objects.published().for_feed().newest_first()[:FEED_ARTICLES]

    def item_title(self, item):
        return item.headline

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.revised_at if item.was_revised else None

    def item_author_name(self, item):
        return ", ".join(str(byline.reporter) for byline in item.ordered_bylines())
