"""One article in a list (sections, tags, reporters, organisations, events, the front page, search results).

The markup of `includes/article_item.html`, built in Python: a list page shows twenty of these, and
the template language resolving some thirty variables and two includes per article was a third of
such a page's rendering. The lead photo still goes through `includes/photo_picture.html`.
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.templatetags.newsroom import kst

register = template.Library()

THUMB_SIZES = "(max-width: 760px) 112px, 160px"


def iso_time(value):
    """What the `date:'c'` filter prints: ISO 8601 in the site's zone."""
    return timezone.localtime(value).isoformat() if value else ""


def bylines(article):
    """'name title' links to each reporter, in print order (includes/byline.html, with its newline)."""
    people = ((b.reporter.get_absolute_url(), b.reporter.name, b.reporter.title) for b in article.ordered_bylines())
    return format_html("{}\n", format_html_join(", ", '<a href="{}" class="reporter">{} {}</a>', people))


def thumbnail(context, article, url):
    template_ = context.template.engine.get_template("includes/photo_picture.html")
    with context.push(photo=article.lead_photo, crop="wide", sizes=THUMB_SIZES, lazy=True):
        return format_html('<a href="{}" class="thumb">{}</a>', url, mark_safe(template_.render(context)))  # noqa: S308


@register.simple_tag(takes_context=True)
def article_item(context, article, search_result=False):
    """<article class="item">: photo, section, headline, deck (or the search snippet), bylines and time."""
    url = article.get_absolute_url()
    photo = thumbnail(context, article, url) if article.lead_photo and not search_result else ""
    section, kicker = article.section, ""
    if section:
        kicker = format_html('<a class="kicker" href="{}">{}</a>', section.get_absolute_url(), section.name)
    if search_result:
        headline = getattr(article, "headline_html", "")
        snippet = getattr(article, "snippet_html", "")
        # The template left the line's indentation inside the search branch: kept, so the markup is unchanged.
        summary = format_html("{}\n    ", format_html('<p class="snippet">{}</p>', snippet) if snippet else "")
    else:
        headline = article.headline
        summary = format_html('<p class="deck">{}</p>', article.deck) if article.deck else ""
    return format_html(
        '<article class="item{}">\n  {}\n  <div>\n    {}\n    <h3><a href="{}">{}</a></h3>\n    {}\n'
        '    <p class="meta">{} · <time datetime="{}">{}</time></p>\n  </div>\n</article>',
        " result" if search_result else "",
        photo,
        kicker,
        url,
        headline,
        summary,
        bylines(article),
        iso_time(article.published_at),
        kst(article.published_at),
    )
