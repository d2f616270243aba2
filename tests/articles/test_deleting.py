"""Editors may delete only what never reached readers; the record of published stories stays."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_editor_deletes_a_draft(client_as_editor):
    article = ArticleFactory()
    response = client_as_editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("trait", ["published", "scheduled", "unpublished"])
def test_editor_cannot_delete_what_reached_or_is_set_to_reach_readers(client_as_editor, trait):
    article = ArticleFactory(**{trait: True})
    response = client_as_editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def bulk_delete(client, *articles):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles], "post": "yes"},
    )


def test_bulk_delete_of_drafts_works(client_as_editor):
    drafts = [ArticleFactory(), ArticleFactory()]
    assert bulk_delete(client_as_editor, *drafts).status_code == 302
    assert not Article.objects.exists()


def test_bulk_delete_with_a_published_article_is_refused_whole(client_as_editor):
    draft, published = ArticleFactory(), ArticleFactory(published=True, headline="지울 수 없는 기사")
    assert bulk_delete(client_as_editor, draft, published).status_code == 403
    assert Article.objects.count() == 2
    # Before confirming, the admin says the selection cannot be deleted.
    confirm = client_as_editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [draft.pk, published.pk]},
    )
    assert "삭제할 수 없습니다" in confirm.content.decode()


def test_reporter_cannot_delete_even_a_draft(client_as_reporter, reporter):
    article = ArticleFactory(created_by=reporter)
    response = client_as_reporter.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
