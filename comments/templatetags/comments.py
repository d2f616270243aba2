"""Comments on the article page: {% article_comments article as comments %}, then {% comments_section comments %}."""

import functools

from django import template
from django.http import QueryDict
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from comments import listing
from comments.models import Comment
from newsroom import markup
from newsroom.reversing import reverse
from newsroom.templatetags.newsroom import sitewide_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def article_comments(context, article):
    """The article's comment count, switch and current page of comments."""
    request = context.get("request")
    return listing.article_comments(article, request.GET.get(listing.PAGE_PARAMETER) if request else None)


@register.filter
def comment_text(comment):
    """A comment as escaped plain text with its line breaks; links clickable only once the desk approved it."""
    return mark_safe(text_html(comment.body, comment.links_allowed))  # noqa: S308 - escaped in text_html()


# The same comments show on every request for their article page, and urlize() took 0.3 ms a comment.
@functools.lru_cache(maxsize=1024)
def text_html(body, links_allowed):
    if links_allowed:
        html = urlize(body, nofollow=True, autoescape=True).replace('rel="nofollow"', 'rel="nofollow ugc"')
    else:
        html = escape(body)
    return linebreaks(html)


@register.simple_tag(takes_context=True)
def comment_queue_count(context):
    """How many comments wait for the desk, for users who moderate; None for others."""
    user = context["request"].user
    if not user.has_perm("comments.moderate_comment"):
        return None
    return Comment.objects.waiting().count()


class SectionMarkup:
    """The comments under a story, as templates/comments/section.html printed them (tested in
    tests/comments/test_section_markup.py): the article page shows them on every request, and the
    template language resolving them was a tenth of the page's time."""

    def __init__(self, context, comments):
        self.context, self.comments = context, comments
        self.request = context.get("request") if context else None
        self.zone = timezone.get_current_timezone()

    def comment(self, comment):
        """<li class="comment">: name, time and text of one comment."""
        return (
            f'<li class="comment" id="comment-{markup.escape(comment.pk)}">\n'
            f'  <p class="comment-meta"><strong class="comment-name">{markup.escape(comment.name)}</strong>'
            f" {markup.time_html(comment.created_at, self.zone)}</p>\n"
            f'  <div class="comment-body">{comment_text(comment)}</div>\n</li>\n'
        )

    def page_link(self, number):
        """`{% querystring comments=number %}`: this address with another page of comments."""
        parameters = self.request.GET.copy() if self.request else QueryDict(mutable=True)
        parameters[listing.PAGE_PARAMETER] = number
        return markup.escape(f"?{parameters.urlencode()}")

    def pager(self, page):
        previous = following = ""
        if page.has_previous():
            previous = (
                f'<a href="{self.page_link(page.previous_page_number())}#comments" rel="prev">'
                f"← {markup.escape(_('이전 댓글'))}</a>"
            )
        if page.has_next():
            following = (
                f'<a href="{self.page_link(page.next_page_number())}#comments" rel="next">'
                f"{markup.escape(_('다음 댓글'))} →</a>"
            )
        where = _("%(number)s / %(total)s쪽") % {"number": page.number, "total": page.paginator.num_pages}
        return (
            f'\n  <nav class="pager" aria-label="{markup.escape(_("댓글 쪽"))}">\n    {previous}\n'
            f"    <span>{where}</span>\n    {following}\n  </nav>\n  "
        )

    def listing(self):
        page = self.comments.page
        if not page:
            return f'\n  <p class="empty">{markup.escape(_("아직 댓글이 없습니다."))}</p>\n  '
        items = "".join(self.comment(comment) for comment in page)
        pager = self.pager(page) if page.has_other_pages() else ""
        return f'\n  <ol class="comment-list">\n    {items}\n  </ol>\n  {pager}\n  '

    def writing(self):
        """The form, or why there is none. Inside the form, fields and policy are the same on every
        article page: a site-wide fragment (comments/form_fields.html), as comments/form.html keeps it."""
        comments = self.comments
        if comments.open:
            action = markup.escape(reverse("comments:post", {"pk": comments.article.pk}))
            challenge = markup.escape(reverse("comments:challenge", {}))
            inside = sitewide_fragment(self.context, "comment-form", self.form_inside)
            url = markup.escape(reverse("comments:form", {"pk": comments.article.pk}))
            return (
                f'\n  \n<form class="comment-form" method="post" action="{action}" hidden'
                f' data-challenge-url="{challenge}">{inside}</form>\n\n'
                f'  <noscript><p class="comment-nojs"><a href="{url}">{markup.escape(_("댓글 쓰기 화면으로 가기"))}</a>'
                f" — {markup.escape(_('자바스크립트 없이 댓글을 쓰는 화면입니다.'))}</p></noscript>\n"
                f'  <script src="{markup.escape(static("comments/comments.js"))}" defer></script>\n  '
            )
        if comments.article.is_published:
            return f'\n  <p class="comments-closed">{markup.escape(_("이 기사는 댓글을 받지 않습니다."))}</p>\n  '
        return ""

    def form_inside(self):
        comments = self.comments
        context = {
            "form": comments.form,
            "holds_for_approval": comments.holds_for_approval,
            "keep_days": comments.keep_days,
            "deferred": True,
        }
        return render_to_string("comments/form_fields.html", context)

    def section(self):
        return (
            '\n<section class="comments" id="comments" aria-labelledby="comments-heading">\n'
            f'  <link rel="stylesheet" href="{markup.escape(static("comments/comments.css"))}">\n'
            f'  <h2 id="comments-heading">{markup.escape(_("독자 댓글"))}'
            f' <span class="comment-total">{self.comments.count}</span></h2>\n'
            f"  {self.listing()}\n  {self.writing()}\n</section>\n"
        )


@register.simple_tag(takes_context=True)
def comments_section(context, comments):
    """<section class="comments">: the count, a page of comments with its pager, and the form."""
    section = SectionMarkup(context, comments).section()
    return mark_safe(section)  # noqa: S308 - every value escaped in SectionMarkup; the form is a template


@register.simple_tag
def comment_item(comment):
    """One <li class="comment">, as under the story (the page shown after posting)."""
    return mark_safe(SectionMarkup(None, None).comment(comment))  # noqa: S308 - escaped in SectionMarkup
