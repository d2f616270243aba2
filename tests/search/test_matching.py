"""What a reader finds: Korean forms, CJK without spaces, English stems, the demo article."""

import pytest

from search.queries import search
from search.tokenizer import parse_query
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def found(text):
    results, _ = search(parse_query(text))
    return results[:100]


@pytest.mark.parametrize(
    ("query", "body"),
    [
        ("스마트시티", "부산 스마트시티는 올해 문을 연다."),
        ("세미나", "온라인 세미나가 처음 열렸다."),
        ("교통", "대중교통 요금이 오른다."),
        ("재난", "재난을 막는 정보 플랫폼."),
        ("智慧城市", "北京市推进智慧城市建设。"),
        ("スマートシティ", "東京都はスマートシティ戦略を発表した。"),
        ("cities", "Every smart city needs data."),
        ("city", "Smart cities share data."),
        ("WeGo", "세계스마트지속가능도시기구(WeGo)가 함께 열었다."),
        ("삼성SDS", "삼성SDS가 사례를 발표했다."),
    ],
)
def test_word_finds_article_containing_it(query, body):
    article = ArticleFactory(published=True, headline="무관한 제목", body=f"<p>{body}</p>")
    ArticleFactory(published=True, headline="다른 기사", body="<p>상관없는 내용입니다.</p>")
    assert found(query) == [article]


@pytest.mark.parametrize("query", ["스마트시티", "세미나", "교통", "WeGo", "smart city", "智慧"])
def test_word_absent_from_text_finds_nothing(query):
    ArticleFactory(published=True, headline="날씨", body="<p>내일은 맑겠습니다. 智能 weather.</p>")
    assert found(query) == []


def test_word_split_across_html_blocks_is_not_found():
    ArticleFactory(published=True, headline="무관", body="<h2>스마트</h2><p>시티</p>")
    assert found("트시") == []


def test_one_character_query_finds_the_character_in_headline_deck_and_tags_only():
    word_start = ArticleFactory(published=True, headline="숲길 걷기")
    word_end = ArticleFactory(published=True, headline="무관", deck="도시의 숲")
    tagged = ArticleFactory(published=True, headline="무관", tags=["숲해설"])
    ArticleFactory(published=True, headline="무관", body="<p>숲에서 만나요</p>")
    ArticleFactory(published=True, headline="수풀", body="<p>정책 발표</p>")
    assert set(found("숲")) == {word_start, word_end, tagged}


def test_words_in_script_tags_are_not_indexed():
    ArticleFactory(published=True, headline="무관", body="<p>본문</p><script>태풍()</script>")
    assert found("태풍") == []


@pytest.mark.parametrize("query", ["스마트시티", "세미나", "교통", "WeGo", "smart city"])
def test_demo_article_is_found(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert demo.get_absolute_url() in response.content.decode()
