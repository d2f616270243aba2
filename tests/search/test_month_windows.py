"""The newest hits come month by month from the index: right order across windows, moves re-filed."""

import datetime
import json

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from search import queries
from search.index import index_article
from search.models import Entry
from search.tokenizer import parse_query
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def published(days_ago, **kwargs):
    at = timezone.now() - datetime.timedelta(days=days_ago)
    return ArticleFactory(status=Article.Status.PUBLISHED, published_at=at, **kwargs)


def found(text):
    hits, _ = queries.search(parse_query(text))
    return hits


@pytest.fixture(params=["windows", "one part"])
def either_way(request, monkeypatch):
    """Runs a test through the month windows and through the single part of a query with few hits."""
    monkeypatch.setattr(queries, "few_hits", lambda query, combine: request.param == "one part")


def test_windows_cover_every_month_back_to_where_the_rest_begins():
    now = datetime.datetime(2026, 11, 26, 7, tzinfo=datetime.UTC)
    windows, older = queries.month_windows(now)
    months = [month for window in windows for month in window]
    assert [len(window) for window in windows] == list(queries.WINDOW_MONTHS)
    assert months[0] == (2026, 11) and months[1] == (2026, 10) and months[11] == (2025, 12)
    assert len(set(months)) == len(months) == sum(queries.WINDOW_MONTHS)
    last_year, last_month = months[-1]
    assert older == datetime.datetime(last_year, last_month, 1, tzinfo=datetime.UTC)


def test_hits_from_every_window_and_older_come_newest_first(monkeypatch, either_way):
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 3)
    ages = [0, 45, 400, 3000, 9000]  # this month, a few windows back, and beyond all of them (25 years)
    articles = [published(days, body="<p>스마트시티 세미나</p>") for days in ages]
    hits = found("스마트시티")
    assert hits.cut and hits.count() == 3
    assert sorted(hits[0:10], key=lambda a: a.published_at, reverse=True) == articles[:3]
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 10)
    assert set(found("스마트시티")[0:10]) == set(articles)


def test_a_story_published_by_the_desk_is_filed_under_its_month(editor, either_way):
    article = ArticleFactory(body="<p>자율주행버스 시범 운행</p>")
    assert "_m" not in Entry.objects.values_list("document", flat=True).get(article=article)
    article.publish(editor)
    article.refresh_from_db()
    month = article.published_at.astimezone(datetime.UTC).strftime("_m%Y%m")
    assert month in Entry.objects.values_list("document", flat=True).get(article=article)
    assert found("자율주행버스")[0:10] == [article]


def test_a_common_word_stops_reading_after_the_first_window_that_fills_the_page(monkeypatch):
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 3)
    for days in range(5):
        published(days % 2, body="<p>교통 안전</p>")  # all in this month or the last days of the previous
    old = published(3000, body="<p>교통 안전</p>")
    sql, params = queries.statement(parse_query("안전"), "AND", {}, 0, 20)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = plan if isinstance(plan, list) else json.loads(plan)
    append = find(plan[0]["Plan"], "Append")
    loops = [child["Actual Loops"] for child in append["Plans"]]
    assert loops[0] == 1 and loops[-1] == 0, "the oldest part ran although newer ones filled the page"
    assert old not in found("안전")[0:10]


def find(node, kind):
    if node["Node Type"] == kind:
        return node
    for child in node.get("Plans", []):
        if (hit := find(child, kind)) is not None:
            return hit
    return None


def test_a_stale_month_in_the_index_never_shows_an_article_twice(either_way):
    article = published(9000, body="<p>스마트시티 세미나</p>")  # older than every window
    stale = Article.objects.filter(pk=article.pk)
    real = article.published_at
    stale.update(published_at=timezone.now())  # around the signals: the index files it under this month
    index_article(article)
    stale.update(published_at=real)
    hits = found("스마트시티")
    assert hits.count() == 1 and hits[0:10] == [article]


def test_deleting_a_tagged_article_deletes_its_entry():
    article = published(1, body="<p>세미나</p>", tags=["태그1", "태그2"])
    article.delete()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the foreign-key check a commit would make
    assert not Entry.objects.filter(article_id=article.pk).exists()


def test_each_window_gets_its_own_months_and_bounds():
    sql, params = queries.statement(parse_query("스마트시티"), "AND", {"section": "world"}, 0, 20)
    windows, _ = queries.month_windows(timezone.now())
    at = 0
    for months in windows:  # in order, each window's lexemes, then its start, then its end
        at = params.index(queries.tokenizer.any_period(months), at)
        at = params.index(queries.month_start(*months[-1]), at)
        at = params.index(queries.month_start(*months[0], after=True), at)
    assert sql.count("UNION ALL") == len(windows)
    assert sql.count("%s") == len(params)


def test_filters_still_apply_in_every_window(world_section, either_way):
    ages = [0, 45, 400, 1000, 1500, 3000]
    mine = [published(days, section=world_section, body="<p>스마트시티 포럼</p>") for days in ages]
    for days in ages:
        published(days, body="<p>스마트시티 포럼</p>")  # another section
    results, _ = queries.search(parse_query("스마트시티"), section=world_section.slug)
    assert set(results[0:20]) == set(mine)


@pytest.fixture
def world_section():
    from tests.factories import SectionFactory

    return SectionFactory(name="국제면", slug="world-desk")
