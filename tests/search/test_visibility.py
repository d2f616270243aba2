"""Reader search starts from published(): drafts, scheduled and withdrawn articles never appear."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("trait", ["draft", "in_review", "scheduled", "unpublished"])
def test_unpublished_article_is_not_in_reader_search(client, trait):
    hidden = ArticleFactory(headline="비공개 태풍 기사", **({} if trait == "draft" else {trait: True}))
    shown = ArticleFactory(published=True, headline="공개 태풍 기사")
    content = client.get("/search/", {"q": "태풍"}).content.decode()
    assert shown.get_absolute_url() in content
    assert hidden.get_absolute_url() not in content
    assert "비공개" not in content


def test_admin_search_finds_drafts_by_a_word_inside_a_longer_form(client_as_editor):
    draft = ArticleFactory(headline="스마트시티는 어디로", body="<p>취재 중</p>")
    ArticleFactory(headline="날씨", body="<p>맑음</p>")
    response = client_as_editor.get("/admin/articles/article/", {"q": "스마트시티"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [draft]


def test_admin_search_with_punctuation_only_finds_nothing_without_error(client_as_editor):
    ArticleFactory(headline="날씨")
    response = client_as_editor.get("/admin/articles/article/", {"q": "!!! ·"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []
