"""Comments on the article page: {% article_comments article as comments %}, then the section include."""

from django import template
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe

from comments import listing
from comments.models import Comment

register = template.Library()


@register.simple_tag(takes_context=True)
def article_comments(context, article):
    """The article's comment count, switch and current page of comments."""
    request = context.get("request")
    return listing.article_comments(article, request.GET.get(listing.PAGE_PARAMETER) if request else None)


@register.filter
def comment_text(comment):
    """A comment as escaped plain text with its line breaks; links clickable only once the desk approved it."""
    if comment.links_allowed:
        html = urlize(comment.body, nofollow=True, autoescape=True).replace('rel="nofollow"', 'rel="nofollow ugc"')
    else:
        html = escape(comment.body)
    return mark_safe(linebreaks(html))  # noqa: S308 - every piece of the reader's text was escaped above


@register.simple_tag(takes_context=True)
def comment_queue_count(context):
    """How many comments wait for the desk, for users who moderate; None for others."""
    user = context["request"].user
    if not user.has_perm("comments.moderate_comment"):
        return None
    return Comment.objects.waiting().count()
