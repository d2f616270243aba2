import pytest
from django.urls import reverse

from tests.articles.admin_forms import article_form_data
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


def edit(client, article, reporter, **fields):
    data = article_form_data(
        article.section,
        reporter,
        headline=article.headline,
        slug=article.slug,
        body=article.body,
        status=article.status,
        published_at_0=article.published_at.strftime("%Y-%m-%d") if article.published_at else "",
        published_at_1=article.published_at.strftime("%H:%M:%S") if article.published_at else "",
        **{"bylines-INITIAL_FORMS": "1", "bylines-0-id": article.bylines.get().pk, "bylines-0-article": article.pk},
    )
    data.update(fields)
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


def test_changing_a_published_articles_text_shows_when_it_was_revised(client_as_editor, client):
    reporter = ReporterFactory()
    article = ArticleFactory(published=True, reporters=[reporter])
    assert "수정 <time" not in client.get(article.get_absolute_url()).content.decode()
    assert edit(client_as_editor, article, reporter, body="<p>고친 본문</p>").status_code == 302
    article.refresh_from_db()
    assert article.was_revised
    page = client.get(article.get_absolute_url()).content.decode()
    assert "고친 본문" in page and "수정 <time" in page


def test_editing_a_draft_is_not_a_revision(client_as_editor):
    reporter = ReporterFactory()
    article = ArticleFactory(reporters=[reporter])
    assert edit(client_as_editor, article, reporter, body="<p>초고 고침</p>").status_code == 302
    article.refresh_from_db()
    assert not article.was_revised
