import pytest

from tests.articles.workflow import change_form_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_changing_a_published_articles_text_shows_when_it_was_revised(client_as_editor, client):
    article = ArticleFactory(published=True)
    assert "수정 <time" not in client.get(article.get_absolute_url()).content.decode()
    response = client_as_editor.post(change_url(article), change_form_data(article, body="<p>고친 본문</p>"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.was_revised
    page = client.get(article.get_absolute_url()).content.decode()
    assert "고친 본문" in page and "수정 <time" in page


def test_editing_a_draft_is_not_a_revision(client_as_editor):
    article = ArticleFactory()
    response = client_as_editor.post(change_url(article), change_form_data(article, body="<p>초고 고침</p>"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.was_revised
