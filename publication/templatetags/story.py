"""The article page's markup, built in Python: `{% story_meta %}` (the <head> tags) and `{% story %}`.

The article page is the one readers land on most, and it prints some three hundred values:
header, photos, body, corrections, share links, tags, sessions, events, organisations,
related articles and neighbours. The template language resolving each of them, through a
dozen includes and loops, was most of the page's time (5 ms of 8). Built here, with the
same escaping (`newsroom.markup.escape`), the markup is byte for byte what
templates/articles/article_detail.html printed before (tests/publication/test_story_markup.py).
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.templatetags.richtext import article_body
from newsroom.markup import date_text, escape, time_html
from newsroom.reversing import pinned, reverse
from newsroom.templatetags.newsroom import readable_url, w3c
from photos.templatetags.photos import figure_html
from publication import structured_data
from publication.images import share_image
from publication.models import SiteSettings
from publication.structured_data import absolute
from publication.templatetags.publication import json_ld_script, share_urls

register = template.Library()


class StoryMarkup:
    """The parts of one article page; `context` is the template's (request, preview, photo_preview_token)."""

    def __init__(self, context, article):
        self.context, self.article = context, article
        self.request = context.get("request")
        self.token = context.get("photo_preview_token")
        self.zone = timezone.get_current_timezone()
        self.canonical = absolute(self.request, article)

    def time(self, value):
        return time_html(value, self.zone)

    def meta(self):
        """The <head> block: description, canonical address, Open Graph, Twitter card and JSON-LD."""
        article, preview = self.article, self.context.get("preview")
        image = share_image(self.request, article)
        summary = structured_data.description(article)
        description = escape(summary)
        headline, canonical = escape(article.headline), escape(self.canonical)
        parts = ["\n", '<meta name="robots" content="noindex, nofollow">' if preview else "", "\n\n"]
        parts.append(
            f'<meta name="description" content="{description}">\n<link rel="canonical" href="{canonical}">\n'
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{headline}">\n'
            f'<meta property="og:description" content="{description}">\n'
            f'<meta property="og:url" content="{canonical}">\n'
        )
        if image:
            parts.append(f'<meta property="og:image" content="{escape(image.url)}">\n')
            if image.width:
                parts.append(
                    f'<meta property="og:image:width" content="{escape(image.width)}">\n'
                    f'<meta property="og:image:height" content="{escape(image.height)}">'
                )
            parts.append("\n")
            if image.alt:
                parts.append(f'<meta property="og:image:alt" content="{escape(image.alt)}">')
        parts.append("\n")
        if article.published_at:
            modified = article.revised_at if article.was_revised else article.published_at
            parts.append(
                f'<meta property="article:published_time" content="{w3c(article.published_at)}">\n'
                f'<meta property="article:modified_time" content="{w3c(modified)}">'
            )
        parts.append("\n")
        if article.section:
            parts.append(f'<meta property="article:section" content="{escape(article.section.name)}">')
        parts.append("\n")
        parts.extend(f'<meta property="article:tag" content="{escape(tag.name)}">\n' for tag in article.tags.all())
        parts.append(
            f'<meta name="twitter:card" content="{"summary_large_image" if image else "summary"}">\n'
            f'<meta name="twitter:title" content="{headline}">\n'
            f'<meta name="twitter:description" content="{description}">\n'
        )
        if image:
            parts.append(f'<meta name="twitter:image" content="{escape(image.url)}">')
        parts.append("\n")
        if not preview:
            data = structured_data.news_article(
                self.request, article, SiteSettings.current(), image=image, url=self.canonical, summary=summary
            )
            parts.append(json_ld_script(self.request, data))
        parts.append("\n")
        return "".join(parts)

    def story(self, comments_count):
        """<article class="story">…</article>."""
        article = self.article
        lead = figure_html(article.lead_photo, token=self.token) if article.lead_photo else ""
        return (
            f'<article class="story">\n{self.header(comments_count)}\n  {lead}\n'
            f'  <div class="body">{article_body(self.context, article)}</div>\n'
            f'  <p class="story-copyright">{escape(SiteSettings.current().copyright_line())}</p>\n'
            f"  {self.corrections()}\n  {self.share()}\n"
            f'  <footer class="story-footer">\n{self.footer()}\n  </footer>\n'
            f"  {self.related()}\n  {self.neighbours()}\n</article>"
        )

    def header(self, comments_count):
        article = self.article
        kicker = ""
        if article.section:
            url, name = escape(article.section.get_absolute_url()), escape(article.section.name)
            kicker = f'<a class="kicker" href="{url}">{name}</a>'
        deck = f'<p class="deck">{escape(article.deck)}</p>' if article.deck else ""
        published = (
            f"<span>{escape(_('입력'))} {self.time(article.published_at)}</span>" if article.published_at else ""
        )
        revised = f"<span>{escape(_('수정'))} {self.time(article.revised_at)}</span>" if article.was_revised else ""
        count = ngettext("댓글 %(counter)s", "댓글 %(counter)s", comments_count) % {"counter": comments_count}
        return (
            f"  <header>\n    {kicker}\n    <h1>{escape(article.headline)}</h1>\n    {deck}\n"
            f'    <p class="byline">{self.bylines()}</p>\n    <p class="dates">\n      {published}\n'
            f'      {revised}\n      <a class="comment-count" href="#comments">{count}</a>\n    </p>\n'
            f'    <div class="story-tools" data-story-tools hidden>\n'
            f'      <span class="font-size" role="group" aria-label="{escape(_("글자 크기"))}">\n'
            f'        <button type="button" data-font-step="-1" aria-label="{escape(_("글자 작게"))}">'
            f"가<sup>−</sup></button>\n"
            f'        <button type="button" data-font-step="1" aria-label="{escape(_("글자 크게"))}">'
            f"가<sup>+</sup></button>\n      </span>\n"
            f'      <button type="button" class="print-button" data-print>{escape(_("인쇄"))}</button>\n'
            f"    </div>\n  </header>"
        )

    def bylines(self):
        parts = []
        for byline in self.article.ordered_bylines():
            reporter = byline.reporter
            url, name, title = (escape(v) for v in (reporter.get_absolute_url(), reporter.name, reporter.title))
            email = ""
            if reporter.email:
                address = escape(reporter.email)
                email = f' <a href="mailto:{address}" class="email">{address}</a>'
            parts.append(
                f'<span class="byline-person"><a href="{url}" class="reporter">{name} {title}</a>{email}</span>'
            )
        return "".join(parts)

    def corrections(self):
        corrections = self.article.corrections.all()
        if not corrections:
            return ""
        items = "".join(
            f'<li><time datetime="{correction.date:%Y-%m-%d}">{correction.date:%Y/%m/%d}</time> '
            f"{linebreaksbr(correction.text, autoescape=True)}</li>"
            for correction in corrections
        )
        return (
            f'\n  <aside class="corrections" aria-label="{escape(_("정정 알림"))}">\n'
            f'    <h2>{escape(_("바로잡습니다"))}</h2>\n    <ul class="plain">{items}</ul>\n  </aside>\n  '
        )

    def share(self):
        """Plain share links, the app share button and the address to copy (what includes/share.html printed)."""
        url, headline = self.canonical, self.article.headline
        esc_url, esc_headline = escape(url), escape(headline)
        links = share_urls(url, headline)

        def link(service):
            return escape(links[service])

        external = 'rel="noopener noreferrer" target="_blank"'
        return (
            f'\n<section class="share" aria-labelledby="share-title">\n'
            f'  <h2 id="share-title">{escape(_("공유하기"))}</h2>\n  <ul class="share-links">\n'
            f'    <li><a href="{link("email")}">{escape(_("이메일"))}</a></li>\n'
            f'    <li><a href="{link("facebook")}" {external}>{escape(_("페이스북"))}</a></li>\n'
            f'    <li><a href="{link("x")}" {external}>X</a></li>\n'
            f'    <li data-native-share hidden><button type="button" data-share-title="{esc_headline}"'
            f' data-share-url="{esc_url}">{escape(_("카카오톡 등 앱으로 공유"))}</button></li>\n'
            f'    <li><button type="button" data-copy-link="{esc_url}"'
            f' data-copied="{escape(_("링크를 복사했습니다. 붙여 넣어 공유하세요."))}" hidden>'
            f"{escape(_('링크 복사'))}</button></li>\n  </ul>\n"
            f'  <p class="share-url"><label>{escape(_("기사 주소"))} <input type="text"'
            f' value="{escape(readable_url(url))}" readonly data-copy-source></label></p>\n'
            f'  <p class="share-status" role="status" aria-live="polite" data-share-status></p>\n</section>\n'
        )

    def footer(self):
        """Tags, the sessions and events the story covered, the organisations in it: each list only if any."""
        article = self.article
        lists = [
            (_("태그"), "tags", [self.tag(tag) for tag in article.tags.all()]),
            (
                _("취재한 세션"),
                "plain",
                [
                    f'<li><a href="{escape(session.event.get_absolute_url())}">{escape(session.event.title)}</a>'
                    f" · {escape(session.order)}. {escape(session.title)}</li>"
                    for session in article.sessions.all()
                ],
            ),
            (
                _("관련 행사"),
                "plain",
                [
                    f'<li><a href="{escape(event.get_absolute_url())}">{escape(event.title)}</a>'
                    f' <span class="meta">{self.date(event.starts_at)}</span></li>'
                    for event in article.events.all()
                ],
            ),
            (
                _("기사 속 기관"),
                "chips",
                [
                    f'<li><a href="{escape(organisation.get_absolute_url())}">{escape(organisation)}</a></li>'
                    for organisation in article.organisations.all()
                ],
            ),
        ]
        return "    " + "\n    ".join(
            f'\n    <h2>{escape(heading)}</h2>\n    <ul class="{css}">{"".join(items)}</ul>\n    ' if items else ""
            for heading, css, items in lists
        )

    def tag(self, tag):
        """#tag, linked to its page when it has an address."""
        if not tag.slug:
            return f"<li>#{escape(tag.name)}</li>"
        return f'<li><a href="{escape(reverse("articles:tag", {"slug": tag.slug}))}">#{escape(tag.name)}</a></li>'

    def date(self, value):
        return date_text(value, self.zone)

    def related(self):
        related = self.context.get("related")
        if not related:
            return ""
        items = "".join(
            f'<li><a href="{escape(item.get_absolute_url())}">{escape(item.headline)}</a>'
            f' <span class="meta">{self.date(item.published_at)}</span></li>'
            for item in related
        )
        return (
            '\n  <section class="related" aria-labelledby="related-title">\n'
            f'    <h2 class="rule" id="related-title">{escape(_("관련 기사"))}</h2>\n'
            f'    <ul class="plain">{items}</ul>\n  </section>\n  '
        )

    def neighbours(self):
        previous, following = self.context.get("previous"), self.context.get("next")
        if not (previous or following):
            return ""
        links = ""
        if previous:
            links += (
                f'<a href="{escape(previous.get_absolute_url())}" rel="prev"><span>← {escape(_("이전 기사"))}</span>'
                f"{escape(previous.headline)}</a>"
            )
        links += "\n    "
        if following:
            links += (
                f'<a href="{escape(following.get_absolute_url())}" rel="next" class="next">'
                f"<span>{escape(_('다음 기사'))} →</span>{escape(following.headline)}</a>"
            )
        return (
            f'\n  <nav class="neighbours" aria-label="{escape(_("같은 섹션의 다른 기사"))}">\n    {links}\n  </nav>\n  '
        )


def markup_for(context, article):
    """The page's StoryMarkup of the article: one for the <head> and the story (the template's render context
    lasts one rendering of the page)."""
    key = ("story markup", article.pk)
    markup = context.render_context.get(key)
    if markup is None or markup.article is not article or markup.context is not context:
        markup = context.render_context[key] = StoryMarkup(context, article)
    return markup


@register.simple_tag(takes_context=True)
def story_meta(context, article):
    """The article page's <head> tags."""
    return mark_safe(markup_for(context, article).meta())  # noqa: S308 - every value escaped in StoryMarkup


@register.simple_tag(takes_context=True)
def story(context, article, comments_count):
    """The article itself: <article class="story">…</article>."""
    markup = markup_for(context, article)  # made by story_meta, or here: before pinning (its canonical is Korean)
    with pinned():
        return mark_safe(markup.story(comments_count))  # noqa: S308 - as above
