import pytest
from django.urls import reverse

from articles.models import Article
from tests.articles.admin_forms import article_form_data
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>세미나 <script>alert("x")</script>내용</p>'
    '<p><img src="x" onerror="alert(1)">사진</p>'
    '<p><a href="javascript:alert(1)">링크</a> <a href="https://tcs-asia.org/" onclick="steal()">TCS</a></p>'
    '<p><iframe src="https://evil.example/"></iframe><strong style="color:red">굵게</strong></p>'
)


def assert_clean(html):
    lowered = html.lower()
    for forbidden in ["<script", "alert(", "onerror", "onclick", "javascript:", "<iframe", "style="]:
        assert forbidden not in lowered, forbidden


def test_body_saved_through_the_admin_is_stored_without_scripts(client_as_editor):
    data = article_form_data(SectionFactory(), ReporterFactory(), body=HOSTILE)
    response = client_as_editor.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Article.objects.get().body
    assert_clean(stored)
    assert "세미나" in stored and "<strong>굵게</strong>" in stored
    assert '<a href="https://tcs-asia.org/">TCS</a>' in stored


def test_body_saved_from_code_is_sanitised_too():
    article = ArticleFactory(body=HOSTILE)
    article.refresh_from_db()
    assert_clean(article.body)


def test_reader_page_shows_the_body_without_scripts(client):
    article = ArticleFactory(published=True, body=HOSTILE)
    # A row written around the ORM must not reach readers with its script either.
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    page = client.get(article.get_absolute_url()).content.decode()
    body = page[page.index('<div class="body">') : page.index('<footer class="story-footer">')]
    assert_clean(body)
    assert "굵게" in body
