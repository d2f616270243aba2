"""Template tags for the desk: the admin front page's lists."""

from django import template

from articles import dashboard
from articles.models import Article

register = template.Library()


@register.inclusion_tag("admin/articles/dashboard.html", takes_context=True)
def desk_dashboard(context):
    """The reporter's own articles, or the editor's review queue and schedule."""
    user = context["request"].user
    is_editor = user.has_perm("articles.review_article")
    is_writer = user.has_perm("articles.add_article") and (not is_editor or hasattr(user, "reporter"))
    return {
        "request": context["request"],
        "mine": dashboard.reporter_groups(user) if is_writer else None,
        "queue": dashboard.review_queue() if is_editor else None,
        "waiting": Article.objects.review_queue().count() if is_editor else None,
        "schedule": dashboard.schedule() if is_editor else None,
    }
