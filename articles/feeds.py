"""RSS 2.0 and Atom feeds of published articles: the whole site, a section, a tag, a reporter.

Each starts from published(), runs a fixed number of queries, and carries
correction notes in the entry. Feed and page heads link to each other.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from taggit.models import Tag

from articles.models import Article, Section
from newsroom import identity
from reporters.models import Reporter

FEED_ARTICLES = 30


class LatestArticlesFeed(Feed):
    """The whole site's newest articles (RSS 2.0)."""

    description_template = "articles/feed_item.html"

    def title(self, obj=None):
        name = identity.site_name()
        return f"{name} - {self.subject(obj)}" if obj is not None else name

    def subject(self, obj):
        return str(obj)

    def description(self, obj=None):
        return gettext("%(name)s의 새 기사") % {"name": identity.site_name()}

    def subtitle(self, obj=None):  # Atom's name for the description
        return self.description(obj)

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else reverse("front_page")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        articles = self.articles(obj).for_feed().newest_first()
        return articles[:FEED_ARTICLES]

    def item_title(self, item):
        return item.headline

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.revised_at if item.was_revised else item.published_at

    def item_author_name(self, item):
        return ", ".join(str(byline.reporter) for byline in item.ordered_bylines())

    def item_categories(self, item):
        return [item.section.name] if item.section else []


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, obj):
        return Article.objects.published().filter(section=obj)


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        if not Article.objects.published().tagged(tag).exists():
            raise Http404  # a tag used only on drafts must not reveal itself
        return tag

    def subject(self, obj):
        return f"#{obj.name}"

    def link(self, obj=None):
        return reverse("articles:tag", args=[obj.slug])

    def articles(self, obj):
        return Article.objects.published().tagged(obj)


class ReporterFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Reporter, slug=slug)

    def articles(self, obj):
        return obj.articles.published()


def atom(feed_class):
    """The same feed as Atom 1.0."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": Atom1Feed})()
