"""Article lists page by keyset: every article once, in order, at the same cost on any page."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ArticleFactory, ReporterFactory, SectionFactory

pytestmark = pytest.mark.django_db

LINK_RE = re.compile(r'<a href="\?([^"]*)" rel="(prev|next)">')


@pytest.fixture
def section_of_45():
    """45 live articles in one section, five of them published at the very same second (ties)."""
    section = SectionFactory(slug="world", name="국제")
    reporter = ReporterFactory()
    base = timezone.now() - datetime.timedelta(days=3)
    articles = []
    for n in range(45):
        at = base if n < 5 else base + datetime.timedelta(minutes=n)
        article = ArticleFactory(published=True, section=section, headline=f"기사 {n:02d}", published_at=at)
        article.bylines.create(reporter=reporter)
        articles.append(article)
    ArticleFactory(section=section, headline="초안 기사")
    return section, reporter, articles


def links(response):
    """{'prev'|'next': query dict} of the pager's links."""
    found = {}
    for query, rel in LINK_RE.findall(response.content.decode()):
        found[rel] = {key: values[0] for key, values in parse_qs(query.replace("&amp;", "&")).items()}
    return found


def headlines(response):
    return re.findall(r"기사 \d\d", response.content.decode())


def test_walking_older_pages_shows_every_article_once_in_order(client, section_of_45):
    _section, _reporter, articles = section_of_45
    expected = [a.headline for a in sorted(articles, key=lambda a: (a.published_at, a.pk), reverse=True)]
    seen, query = [], {}
    for _ in range(10):
        response = client.get("/section/world/", query)
        assert response.status_code == 200
        seen += headlines(response)
        if "next" not in links(response):
            break
        query = links(response)["next"]
    assert seen == expected
    assert "초안 기사" not in seen


def test_newer_goes_back_to_the_page_before(client, section_of_45):
    first = client.get("/section/world/")
    second = client.get("/section/world/", links(first)["next"])
    third = client.get("/section/world/", links(second)["next"])
    back = client.get("/section/world/", links(third)["prev"])
    assert headlines(back) == headlines(second)
    top = client.get("/section/world/", links(second)["prev"])
    assert headlines(top) == headlines(first)
    assert "prev" not in links(first)


@pytest.mark.parametrize(
    "query",
    [
        {"before": "abc"},
        {"before": "-1-3"},
        {"before": "1" * 40 + "-1"},
        {"before": "12345678901234567-1"},  # past year 2286: no article's time
        {"before": "１２-３"},
        {"after": "12"},
        {"before": "1-1", "after": "1-1"},
    ],
)
def test_a_bad_cursor_is_a_404(client, section_of_45, query):
    assert client.get("/section/world/", query).status_code == 404


@pytest.mark.parametrize("url", ["/section/world/", "/reporters/{slug}/"])
def test_deep_pages_cost_what_the_first_costs_and_count_nothing(client, section_of_45, url, settings):
    settings.PAGE_CACHE_SECONDS = 0
    _section, reporter, _articles = section_of_45
    url = url.format(slug=reporter.slug)
    client.get(url)  # the menu and other per-site lookups are cached from here on
    with CaptureQueriesContext(connection) as first:
        page_one = client.get(url)
    third_page = links(client.get(url, links(page_one)["next"]))["next"]
    with CaptureQueriesContext(connection) as deep:
        client.get(url, third_page)
    assert len(deep) == len(first)
    sql = " ".join(query["sql"] for query in [*first.captured_queries, *deep.captured_queries])
    assert "COUNT(" not in sql.upper()
    assert "OFFSET" not in sql.upper()


def test_lists_read_no_bodies_or_search_vectors(client, section_of_45, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        client.get("/section/world/")
    article_reads = [q["sql"] for q in queries.captured_queries if 'FROM "articles_article"' in q["sql"]]
    assert article_reads
    for sql in article_reads:
        assert '"articles_article"."body"' not in sql
        assert "search_entry" not in sql


def test_cursor_links_keep_other_parameters(client, section_of_45):
    query = links(client.get("/section/world/", {"utm_source": "naver"}))["next"]
    assert query["utm_source"] == "naver"
    assert set(query) == {"utm_source", "before"}
    assert urlsplit("?" + "&".join(f"{k}={v}" for k, v in query.items())).query
