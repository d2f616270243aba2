"""Search whose cost does not grow with the number of hits: the newest hits only, a capped count, the page cache."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from search import queries as search
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
WINDOW = 5


@pytest.fixture
def small_window(monkeypatch):
    """A window of five hits stands for the real one of a thousand: the same code, fewer articles to make."""
    monkeypatch.setattr(search, "SEARCH_WINDOW", WINDOW)


def published(days_ago, **kwargs):
    at = timezone.now() - datetime.timedelta(days=days_ago)
    return ArticleFactory(status=Article.Status.PUBLISHED, published_at=at, **kwargs)


def results(response):
    return [article.pk for article in response.context["page"]]


def test_common_words_show_a_capped_count_and_rank_only_the_newest_hits(
    client, settings, small_window, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    common = [published(days, body="<p>교통 안전 점검</p>") for days in range(12)]
    client.get("/search/", {"q": "교통 안전"})  # warm the section menu, as a running site has it
    with django_assert_max_num_queries(4):
        response = client.get("/search/", {"q": "교통 안전"})
    content = response.content.decode()
    assert "검색 결과 5건 이상" in content
    assert "가장 최근 기사 5건" in content
    assert results(response) == [article.pk for article in common[:WINDOW]]


def test_ranking_orders_the_window_by_headline_then_date(small_window):
    newer = [published(days, body="<p>교통 안전</p>") for days in range(3)]
    headline = published(3, headline="교통 안전 대책")
    older_headline = published(10, headline="교통 안전 옛 기사")
    published(11, headline="교통 안전 더 옛 기사")  # the sixth newest hit: left out although its headline matches
    hits, every_term = search.search(search.tokenizer.parse_query("교통 안전"))
    assert every_term and hits.cut and hits.count() == WINDOW
    assert hits[0:10] == [headline, older_headline, *newer]


def test_a_rare_word_is_found_beneath_many_common_ones(client, small_window):
    rare = published(400, body="<p>자율주행버스 시범 운행</p>")
    for days in range(10):
        published(days, body="<p>교통 안전</p>")
    content = client.get("/search/", {"q": "자율주행버스"}).content.decode()
    assert rare.get_absolute_url() in content
    assert "검색 결과 1건" in content and "이상" not in content


def test_drafts_never_enter_the_window(client, small_window):
    for _ in range(3):
        ArticleFactory(headline="교통 안전 초고", body="<p>교통 안전</p>")  # drafts, newest of all
    shown = [published(days + 1, body="<p>교통 안전</p>") for days in range(3)]
    response = client.get("/search/", {"q": "교통 안전"})
    assert results(response) == [article.pk for article in shown]
    assert "초고" not in response.content.decode()


def test_search_page_is_served_from_the_cache_to_anonymous_readers(client):
    published(1, headline="교통 안전 대책")
    assert client.get("/search/", {"q": "교통"}).get("X-Page-Cache") is None
    assert client.get("/search/", {"q": "교통"})["X-Page-Cache"] == "hit"


def test_a_new_story_replaces_the_cached_search_page(client):
    published(1, headline="교통 안전 대책")
    client.get("/search/", {"q": "교통"})
    later = published(0, headline="교통 신호 개편")
    response = client.get("/search/", {"q": "교통"})
    assert response.get("X-Page-Cache") is None
    assert later.get_absolute_url() in response.content.decode()


def test_staff_always_get_a_fresh_search_page(client_as_editor):
    published(1, headline="교통 안전 대책")
    client_as_editor.get("/search/", {"q": "교통"})
    response = client_as_editor.get("/search/", {"q": "교통"})
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None


@pytest.mark.parametrize(
    "params",
    [
        {"q": "교통", "utm_x": "1"},  # a parameter the page does not read: endless variants of one page
        {"q": "교통", "date_from": "2020-99-01"},
        {"q": "교통 " + "가" * 500},
        {"q": "교통", "page": "99"},
        {"q": "교통", "page": "x"},
        {"q": "교통\x00"},
    ],
)
def test_odd_search_addresses_are_answered_but_never_cached(client, params):
    published(1, headline="교통 안전 대책")
    first = client.get("/search/", params)
    assert first.status_code in (200, 400, 404)
    second = client.get("/search/", params)
    assert second.status_code == first.status_code
    assert second.get("X-Page-Cache") is None


def test_a_flood_of_parameters_is_refused_or_answered_but_never_cached(client):
    params = {"q": "교통", **{f"p{n}": "1" for n in range(2500)}}
    assert client.get("/search/", params).status_code == 400  # past DATA_UPLOAD_MAX_NUMBER_FIELDS
    params = {"q": "교통", **{f"p{n}": "1" for n in range(500)}}
    assert client.get("/search/", params).status_code == 200
    assert client.get("/search/", params).get("X-Page-Cache") is None


def test_a_snippet_from_deep_in_a_long_body_shows_the_match(client):
    filler = "<p>" + "도시 정책 회의가 열렸다. " * 40 + "</p>"
    body = filler * 6 + "<p>시범 운행하는 <b>자율주행버스</b>가 시민을 태웠다.</p>" + filler * 4
    published(1, headline="무관한 제목", body=body)
    content = client.get("/search/", {"q": "자율주행버스"}).content.decode()
    assert "시범 운행하는 <mark>자율주행버스</mark>가 시민을 태웠다." in content
    assert "…" in content
