"""The front page's stories, built in Python like list items (articles/templatetags/article_list.py).

The lead, the featured stories and the section blocks were a third of the front
page's rendering in the template language; the markup is the same.
"""

from django import template
from django.utils.safestring import mark_safe

from articles.templatetags.article_list import ListMarkup
from newsroom.markup import date_text, escape
from newsroom.reversing import pinned

register = template.Library()

LEAD_SIZES = "(max-width: 760px) 100vw, 640px"
FEATURED_SIZES = "320px"


class FrontPageMarkup(ListMarkup):
    def lead(self, article):
        """The lead story's photo and text, inside <section class="lead">."""
        url = escape(article.get_absolute_url())
        photo = ""
        if article.lead_photo:
            photo = f'<a href="{url}" class="lead-photo">{self.picture(article.lead_photo, LEAD_SIZES)}</a>'
        deck = f'<p class="deck">{escape(article.deck)}</p>' if article.deck else ""
        return (
            f"{photo}\n    <div>\n      {self.kicker(article.section) if article.section else ''}\n"
            f'      <h2><a href="{url}">{escape(article.headline)}</a></h2>\n      {deck}\n'
            f'      <p class="meta">{self.bylines(article)} · {self.time(article.published_at)}</p>\n    </div>'
        )

    def featured(self, article):
        """One <li> of the featured list: photo, section, headline and time."""
        url = escape(article.get_absolute_url())
        photo = ""
        if article.lead_photo:
            picture = self.picture(article.lead_photo, FEATURED_SIZES, lazy=True)
            photo = f'<a href="{url}" class="thumb" tabindex="-1" aria-hidden="true">{picture}</a>'
        return (
            f"<li>\n        {photo}\n        {self.kicker(article.section) if article.section else ''}\n"
            f'        <h3><a href="{url}">{escape(article.headline)}</a></h3>\n'
            f'        <p class="meta">{self.time(article.published_at)}</p>\n      </li>'
        )

    def section_block(self, section, articles):
        """A section's name over links to its newest stories."""
        links = "".join(
            f'<li><a href="{escape(article.get_absolute_url())}">{escape(article.headline)}</a>'
            f' <span class="meta">{self.date(article.published_at)}</span></li>'
            for article in articles
        )
        url, name, anchor = escape(section.get_absolute_url()), escape(section.name), f"section-{section.pk}"
        return (
            f'<section class="section-block" aria-labelledby="{anchor}">\n'
            f'    <h2 class="rule" id="{anchor}"><a href="{url}">{name}</a></h2>\n'
            f'    <ul class="plain">{links}</ul>\n  </section>'
        )

    def date(self, value):
        return date_text(value, self.zone)


@register.simple_tag(takes_context=True)
@pinned()
def lead_story(context, article):
    """`{% lead_story page.lead %}`"""
    return mark_safe(FrontPageMarkup(context.get("photo_preview_token")).lead(article))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
@pinned()
def featured_stories(context, articles):
    """`{% featured_stories page.featured %}`: an <li> each."""
    markup = FrontPageMarkup(context.get("photo_preview_token"))
    return mark_safe("\n      ".join(markup.featured(article) for article in articles))  # noqa: S308 - as above


@register.simple_tag(takes_context=True)
@pinned()
def section_blocks(context, sections):
    """`{% section_blocks page.sections %}`: a <section> for each (section, newest articles)."""
    markup = FrontPageMarkup(context.get("photo_preview_token"))
    return mark_safe("\n  ".join(markup.section_block(s, articles) for s, articles in sections))  # noqa: S308 - as above
