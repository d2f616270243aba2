"""Helpers the workflow tests share: articles in every state, and admin form data."""

from django.urls import reverse

from tests.factories import ArticleFactory

# Every state an article can be in, including "scheduled" (published with a future time).
STATES = ["draft", "in_review", "changes_requested", "scheduled", "published", "unpublished"]


def article_in(state, **kwargs):
    """An article in the given workflow state."""
    traits = {} if state == "draft" else {state: True}
    return ArticleFactory(**traits, **kwargs)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article, action):
    return reverse("admin:articles_article_transition", args=[article.pk, action])


def change_form_data(article, **overrides):
    """What the admin change form posts for this article, bylines included."""
    article.refresh_from_db()
    bylines = list(article.bylines.all())
    data = {
        "headline": article.headline,
        "deck": article.deck,
        "slug": article.slug,
        "section": article.section_id or "",
        "body": article.body,
        "version": article.version,
        "lead_photo": article.lead_photo_id or "",
        "tags": ", ".join(article.tags.names()),
        "bylines-TOTAL_FORMS": len(bylines),
        "bylines-INITIAL_FORMS": len(bylines),
        "bylines-MIN_NUM_FORMS": 1,
        "bylines-MAX_NUM_FORMS": 1000,
        "corrections-TOTAL_FORMS": 0,
        "corrections-INITIAL_FORMS": 0,
        "corrections-MIN_NUM_FORMS": 0,
        "corrections-MAX_NUM_FORMS": 1000,
    }
    for i, byline in enumerate(bylines):
        data.update(
            {
                f"bylines-{i}-id": byline.pk,
                f"bylines-{i}-article": article.pk,
                f"bylines-{i}-reporter": byline.reporter_id,
                f"bylines-{i}-order": byline.order,
            }
        )
    data.update(overrides)
    return data
