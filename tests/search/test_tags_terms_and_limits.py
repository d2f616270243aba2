"""Tag renames and deletions, one-character terms among others, cut queries, ranking and size limits."""

import pytest
from taggit.models import Tag

from articles.models import Article
from search.queries import admin_search, search
from search.tokenizer import parse_query
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


def found(text):
    results, _ = search(parse_query(text))
    return results[:100]


def test_a_renamed_tag_is_found_by_its_new_name():
    article = ArticleFactory(published=True, tags=["태풍"])
    tag = Tag.objects.get(name="태풍")
    tag.name = "폭염"
    tag.save()  # as the Tag admin's change form does
    assert found("폭염") == [article]
    assert found("태풍") == []


def test_a_deleted_tag_no_longer_finds_its_articles():
    article = ArticleFactory(published=True, headline="무관한 제목", tags=["태풍"])
    Tag.objects.get(name="태풍").delete()
    assert found("태풍") == []
    assert found("무관한") == [article]


def test_a_one_character_term_among_others_still_looks_only_in_titles():
    ArticleFactory(published=True, headline="서울 소식", body="<p>숲에서 만난 사람들</p>")
    _results, every_term = search(parse_query("숲 서울"))
    assert not every_term  # 숲 only in the body does not count: shown only as an any-word match
    titled = ArticleFactory(published=True, headline="서울 숲 공원")
    results, every_term = search(parse_query("숲 서울"))
    assert every_term and results[:10] == [titled]


def test_words_beyond_the_tenth_are_dropped_with_a_note(client):
    ArticleFactory(published=True, headline="태풍 북상")
    words = " ".join(f"w{n}" for n in range(10)) + " 태풍"
    page = client.get("/search/", {"q": words}).content.decode()
    assert "검색어가 너무 길어" in page


def test_an_article_with_every_word_in_its_headline_ranks_first():
    older = ArticleFactory(published=True, headline="스마트시티 교통")
    ArticleFactory(published=True, headline="교통 대책", body="<p>스마트시티</p>")
    older.published_at = older.published_at.replace(year=2020)
    older.save()
    assert found("스마트시티 교통")[0] == older


def test_an_enormous_body_is_saved_and_found_by_its_start():
    body = "<p>" + "".join(chr(0xAC00 + (n * 7919) % 11172) for n in range(120_000)) + "</p>"
    article = ArticleFactory(published=True, headline="긴 기사", body="<p>태풍 소식</p>" + body)
    assert found("태풍") == [article]


def test_editors_find_a_word_by_its_start_in_the_admin():
    article = ArticleFactory(headline="Seoul Smart City forum")
    assert list(admin_search(Article.objects.all(), "Seou")) == [article]


def test_reporter_filter_lists_only_reporters_with_published_articles(client):
    ArticleFactory(published=True, reporters=[ReporterFactory(name="공개기자")])
    ArticleFactory(reporters=[ReporterFactory(name="초고만쓴기자")])
    page = client.get("/search/", {"q": "기사"}).content.decode()
    assert "공개기자" in page and "초고만쓴기자" not in page
