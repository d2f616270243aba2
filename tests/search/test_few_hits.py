"""A query with few hits in the whole archive is read in one part, without month windows.

How many entries each lexeme is in (and, when every term is common, how many hold them all) comes
from the shared cache, counted once (up to FEW_HITS + 1) when missing; a common query keeps the month
windows, and so does every query while the cache is down.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from newsroom import pagecache
from search import queries
from search.tokenizer import lexeme_tsquery, parse_query
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_window(monkeypatch):
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 2)
    monkeypatch.setattr(queries, "FEW_HITS", 3)


def key(lexeme):
    return queries.entry_count_key(lexeme_tsquery(lexeme))


def counts(*lexemes):
    """entry_counts() of the lexemes, by lexeme."""
    found = queries.entry_counts({lexeme_tsquery(lexeme) for lexeme in lexemes})
    return {lexeme: found[lexeme_tsquery(lexeme)] for lexeme in lexemes if lexeme_tsquery(lexeme) in found}


def published(body, days_ago=1, **kwargs):
    at = timezone.now() - datetime.timedelta(days=days_ago)
    return ArticleFactory(status=Article.Status.PUBLISHED, published_at=at, body=body, **kwargs)


def windowed(text, combine="AND"):
    """Whether the search statement run for the query reads month windows."""
    made = []
    statement = queries.statement

    def spy(*args, **kwargs):
        sql, params = statement(*args, **kwargs)
        made.append(sql)
        return sql, params

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(queries, "statement", spy)
        queries.run(parse_query(text), combine, {}, 0, 20)
    return "UNION ALL" in made[0]


def test_a_rare_word_skips_the_windows_and_a_common_one_keeps_them():
    for _ in range(4):
        published("<p>교통 안전 점검</p>")
    published("<p>자율주행버스 시범 운행</p>")
    assert not windowed("자율주행버스")
    assert windowed("교통")  # in 4 entries, over FEW_HITS (3)


def test_every_term_counts_for_and_and_the_sum_for_or():
    for _ in range(4):
        published("<p>교통 안전 점검</p>")
    published("<p>교통 자율주행버스</p>")
    assert not windowed("교통 자율주행버스")  # AND: at most the rare term's one entry
    assert windowed("교통 자율주행버스", "OR")  # OR: 5 entries
    published("<p>드론 배송</p>")
    assert not windowed("드론 자율주행버스", "OR")


def test_two_common_words_are_counted_together():
    for _ in range(4):
        published("<p>교통 점검</p>")
        published("<p>안전 점검</p>")
    published("<p>교통 안전</p>")
    assert windowed("교통") and windowed("안전")  # in 5 entries each, over FEW_HITS (3)
    assert not windowed("교통 안전")  # both in one entry
    assert windowed("점검 교통")  # both in 4 entries
    assert windowed("교통 안전", "OR")  # an OR is bounded by the sum, never counted


def test_the_count_of_common_words_together_is_kept_once_by_its_digest():
    for _ in range(4):
        published("<p>교통 안전 점검</p>")
    with CaptureQueriesContext(connection) as first:
        windowed("교통 안전")
    with CaptureQueriesContext(connection) as second:
        windowed("안전 교통")  # the same AND, its terms in the other order
    counting = [[query for query in run if "LIMIT 4) c" in query["sql"]] for run in (first, second)]
    assert [len(statements) for statements in counting] == [2, 0]  # the words, then the two together
    every = "('교통') & ('안전')"
    assert cache.get(queries.entry_count_key(every)) == 4
    assert " " not in queries.entry_count_key(every) and len(queries.entry_count_key("x" * 500)) < 100
    assert len(queries.entry_count_key("𠀀" * 30).encode()) < 100  # 120 bytes: by its digest


def test_a_long_and_is_not_counted_as_a_whole(monkeypatch):
    monkeypatch.setattr(queries, "MAX_AND_TERMS", 2)
    for _ in range(4):
        published("<p>교통 안전 점검</p>")
        published("<p>교통 점검 결과</p>")
    published("<p>교통 안전 점검 결과</p>")
    assert not windowed("안전 결과")  # together in one entry: counted, two terms
    assert windowed("교통 안전 결과")  # three terms: never counted as a whole
    monkeypatch.setattr(queries, "MAX_AND_TERMS", 3)
    assert not windowed("교통 안전 결과")
    monkeypatch.setattr(queries, "MAX_COUNTED", 2)  # 교통, 안전 and 결과: three lexemes
    cache.clear()
    assert windowed("교통 안전 결과")


def test_a_kept_count_of_words_together_comes_with_theirs_in_one_round_trip(monkeypatch):
    for _ in range(4):
        published("<p>교통 안전 점검</p>")
    windowed("교통 안전")
    reads = []
    get_many = pagecache.cache.get_many
    monkeypatch.setattr(pagecache.cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))
    with CaptureQueriesContext(connection) as again:
        windowed("교통 안전")
    assert len(reads) == 1 and queries.entry_count_key("('교통') & ('안전')") in reads[0]
    assert not [query for query in again if "LIMIT 4) c" in query["sql"]]


def test_a_count_of_words_together_is_kept_an_hour(monkeypatch):
    kept = {}
    set_many = pagecache.cache.set_many
    monkeypatch.setattr(
        pagecache.cache,
        "set_many",
        lambda values, timeout: kept.update(dict.fromkeys(values, timeout)) or set_many(values, timeout),
    )
    for _ in range(4):
        published("<p>교통 안전 점검</p>")
    windowed("교통 안전")
    assert kept[queries.entry_count_key("('교통') & ('안전')")] == queries.AND_COUNT_SECONDS
    assert kept[key("교통")] == queries.COMMON_COUNT_SECONDS


def test_the_rarest_bigram_bounds_a_term():
    for _ in range(4):
        published("<p>버스 정류장</p>")
    published("<p>자율주행버스</p>")
    assert not windowed("자율주행버스")  # 버스 is common, 행버 is in one entry


def test_drafts_do_not_count():
    for _ in range(4):
        ArticleFactory(body="<p>자율주행버스 초안</p>")
    published("<p>자율주행버스 기사</p>")
    assert not windowed("자율주행버스")


def test_a_one_character_term_is_never_counted():
    published("<p>숲 이야기</p>")
    assert windowed("숲")
    assert windowed("숲 서울", "OR")


def test_counts_are_read_from_the_cache_and_counted_once():
    published("<p>자율주행버스 시범 운행</p>")
    with CaptureQueriesContext(connection) as first:
        queries.run(parse_query("자율주행버스"), "AND", {}, 0, 20)
    with CaptureQueriesContext(connection) as second:
        queries.run(parse_query("자율주행버스"), "AND", {}, 0, 20)
    counting = [[query for query in run if "LIMIT 4) c" in query["sql"]] for run in (first, second)]
    assert [len(statements) for statements in counting] == [1, 0]
    assert cache.get(key("행버")) == 1


def test_a_count_stops_past_the_window():
    for _ in range(6):
        published("<p>교통 안전</p>")
    assert counts("교통", "없는말") == {"교통": 4, "없는말": 0}


def test_with_the_cache_down_every_query_keeps_the_windows(monkeypatch):
    published("<p>자율주행버스 시범 운행</p>")

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(pagecache.cache, "get_many", down)
    assert windowed("자율주행버스")
    assert queries.search(parse_query("자율주행버스"))[0].count() == 1


def test_one_part_finds_what_the_windows_find_in_the_same_order(monkeypatch):
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 10)
    ages = (0, 45, 400, 3000, 9000)
    articles = [published("<p>스마트시티 세미나</p>", days_ago=days, headline="세미나 소식") for days in ages]
    articles.append(published("<p>세미나</p>", headline="스마트시티 제목"))
    query = parse_query("스마트시티")
    _, one_part = queries.run(query, "AND", {}, 0, 20)
    monkeypatch.setattr(queries, "few_hits", lambda query, combine: False)
    _, windows = queries.run(query, "AND", {}, 0, 20)
    assert one_part == windows and len(one_part) == len(articles)
    assert one_part[0] == articles[-1]  # the headline ranks first either way


def test_hostile_words_are_counted_as_lexemes_only(client):
    published("<p>자율주행버스</p>")
    response = client.get("/search/", {"q": "자율주행버스'); DROP TABLE search_entry; -- ' OR 1=1"})
    assert response.status_code == 200 and "자율주행버스" in response.text
    assert set(cache.get_many([key("행버"), key("drop")]).values()) == {1, 0}


def test_a_lone_character_among_a_terms_lexemes_counts_as_the_prefix_it_matches():
    for _ in range(4):
        published("<p>wego 교통</p>")
    # 'wego교' is 'wego' then '교', which matches every bigram starting with 교: four entries.
    assert windowed("wego교")


def test_a_long_word_counts_a_few_of_its_bigrams_and_the_rest_as_common(monkeypatch):
    monkeypatch.setattr(queries, "MAX_COUNTED", 2)
    published("<p>가나다라마바</p>")
    assert counts("가나", "나다", "다라", "라마") == {"가나": 1, "나다": 1}  # sorted, the first two
    assert not windowed("가나다라마바")  # one counted bigram is enough to bound the term
    monkeypatch.setattr(queries, "MAX_COUNTED", 0)
    cache.clear()
    assert windowed("가나다라마바")


def test_rare_counts_are_kept_an_hour_and_common_ones_a_day(monkeypatch):
    kept = {}
    monkeypatch.setattr(
        pagecache.cache, "set_many", lambda values, timeout: kept.update(dict.fromkeys(values, timeout))
    )
    for _ in range(4):
        published("<p>교통 안전</p>")
    published("<p>자율주행버스</p>")
    counts("교통", "행버")
    common, rare = queries.COMMON_COUNT_SECONDS, queries.RARE_COUNT_SECONDS
    assert kept == {key("교통"): common, key("행버"): rare}


def test_more_hits_than_the_window_but_few_are_read_in_one_part_and_cut_alike(monkeypatch):
    articles = [published("<p>자율주행버스</p>", days_ago=days) for days in (0, 45, 400)]  # 3 hits, window of 2
    query = parse_query("자율주행버스")
    assert not windowed("자율주행버스")
    total, one_part = queries.run(query, "AND", {}, 0, 20)
    monkeypatch.setattr(queries, "few_hits", lambda query, combine: False)
    assert queries.run(query, "AND", {}, 0, 20) == (total, one_part)
    assert total == 3 and one_part == articles[:2]  # the newest SEARCH_WINDOW, counted as "more"
