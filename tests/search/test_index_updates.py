"""The index follows the article: text edits, tag changes (also through the admin) and the rebuild command."""

import pytest
from django.core.management import call_command

from articles.models import Article
from search.queries import search
from search.tokenizer import parse_query
from tests.articles.workflow import change_form_data
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


def found(text):
    results, _ = search(parse_query(text))
    return results[:100]


def test_changed_body_is_found_by_new_words_and_not_old_ones():
    article = ArticleFactory(published=True, body="<p>태풍이 올라온다.</p>")
    article.body = "<p>폭염이 이어진다.</p>"
    article.save()
    assert found("폭염") == [article]
    assert found("태풍") == []


def test_changed_headline_is_found():
    article = ArticleFactory(published=True, headline="처음 제목")
    article.headline = "세미나 개최"
    article.save(update_fields=["headline"])
    assert found("세미나") == [article]


def test_tags_added_and_removed_change_what_is_found():
    article = ArticleFactory(published=True, tags=["태풍"])
    article.tags.add("smart city")
    assert found("smart city") == [article]
    article.tags.remove("태풍")
    assert found("태풍") == []


def test_tags_saved_in_the_admin_are_found(client_as_superuser):
    article = ArticleFactory(published=True, headline="무관한 제목", tags=["날씨"])
    data = change_form_data(article, tags="스마트시티, WeGo")
    response = client_as_superuser.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].errors if response.context else response
    assert found("스마트시티") == [article]
    assert found("날씨") == []


def test_rebuild_command_repairs_an_index_a_bulk_update_left_behind():
    article = ArticleFactory(published=True, headline="처음 제목", reporters=[ReporterFactory()])
    Article.objects.filter(pk=article.pk).update(headline="재난 대응 훈련")  # update() sends no signal
    assert found("재난") == []
    call_command("rebuild_search_index", stdout=None)
    assert found("재난") == [article]
