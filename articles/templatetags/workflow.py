"""Template tags for the editors' review queue."""

from django import template

from articles.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue_count(context):
    """How many articles wait for review, for users who review; None for others."""
    user = context["request"].user
    if not user.has_perm("articles.review_article"):
        return None
    return Article.objects.review_queue().count()
