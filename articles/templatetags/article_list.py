"""Articles in a list (sections, tags, reporters, organisations, events, the front page, search results).

The markup of `includes/article_item.html`, built in Python: a list page shows twenty of these, and
the template language resolving some thirty variables and two includes per article was a third of
such a page's rendering. `{% article_items %}` prints a whole list in one go: an include per
article cost as much again, and a list links the same few sections and reporters over and over,
so their links are built once per list.
"""

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from newsroom.markup import escape, time_html
from newsroom.reversing import pinned
from photos.templatetags.photos import picture_html

register = template.Library()

THUMB_SIZES = "(max-width: 760px) 112px, 160px"


class ListMarkup:
    """Builds the items of one list, remembering the section and reporter links it has already built."""

    def __init__(self, photo_preview_token=None):
        self.token = photo_preview_token
        self.zone = timezone.get_current_timezone()
        self.kickers = {}
        self.reporters = {}

    def kicker(self, section):
        if section.pk not in self.kickers:
            url, name = escape(section.get_absolute_url()), escape(section.name)
            self.kickers[section.pk] = f'<a class="kicker" href="{url}">{name}</a>'
        return self.kickers[section.pk]

    def reporter(self, reporter):
        if reporter.pk not in self.reporters:
            url, name, title = (escape(v) for v in (reporter.get_absolute_url(), reporter.name, reporter.title))
            self.reporters[reporter.pk] = f'<a href="{url}" class="reporter">{name} {title}</a>'
        return self.reporters[reporter.pk]

    def bylines(self, article):
        """'name title' links to each reporter, in print order (includes/byline.html, with its newline)."""
        return ", ".join(self.reporter(byline.reporter) for byline in article.ordered_bylines()) + "\n"

    def time(self, value):
        return time_html(value, self.zone)

    def picture(self, photo, sizes, lazy=False):
        """The 16:9 <picture>, with the newline includes/photo_picture.html ended with (the links kept it)."""
        return picture_html(photo, "wide", sizes, lazy=lazy, token=self.token) + "\n"

    def thumbnail(self, article, url):
        return f'<a href="{url}" class="thumb">{self.picture(article.lead_photo, THUMB_SIZES, lazy=True)}</a>'

    def item(self, article, search_result=False):
        """<article class="item">: photo, section, headline, deck (or the search snippet), bylines and time."""
        url = escape(article.get_absolute_url())
        photo = self.thumbnail(article, url) if article.lead_photo and not search_result else ""
        kicker = self.kicker(article.section) if article.section else ""
        if search_result:
            headline = escape(getattr(article, "headline_html", ""))
            snippet = getattr(article, "snippet_html", "")
            # The template left the line's indentation inside the search branch: kept, so the markup is unchanged.
            summary = (f'<p class="snippet">{escape(snippet)}</p>' if snippet else "") + "\n    "
        else:
            headline = escape(article.headline)
            summary = f'<p class="deck">{escape(article.deck)}</p>' if article.deck else ""
        return (
            f'<article class="item{" result" if search_result else ""}">\n  {photo}\n  <div>\n    {kicker}\n'
            f'    <h3><a href="{url}">{headline}</a></h3>\n    {summary}\n'
            f'    <p class="meta">{self.bylines(article)} · {self.time(article.published_at)}</p>\n  </div>\n</article>'
        )


@register.simple_tag(takes_context=True)
@pinned()
def article_item(context, article, search_result=False):
    """One <article class="item">."""
    markup = ListMarkup(context.get("photo_preview_token"))
    return mark_safe(markup.item(article, search_result))  # noqa: S308 - every value escaped in ListMarkup


@register.simple_tag(takes_context=True)
@pinned()
def article_items(context, articles, search_result=False):
    """Every article of a list, each <article class="item"> on its own line."""
    markup = ListMarkup(context.get("photo_preview_token"))
    return mark_safe("\n".join(markup.item(article, search_result) for article in articles))  # noqa: S308 - as above
