"""Reader pages run a fixed number of queries, however large the archive."""

from urllib.parse import quote

import pytest

from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Measure the page as rendered, not as served from the page cache (0 queries)."""
    settings.PAGE_CACHE_SECONDS = 0


MAX_QUERIES = 6
# The article page also fetches the photos placed in its body: one query, whatever their number.
ARTICLE_PAGE_MAX_QUERIES = 7
PAGES = [
    "/",
    "/section/world/",
    "/tag/" + quote("스마트시티") + "/",
    "/reporters/" + quote("강승원") + "/",
    "/organisations/",
    "/reporters/",
    "/organisations/tcs/",
    "/events/",
    "/events/" + quote("2020-한중일-스마트시티-온라인-세미나") + "/",
]


def grow_archive(demo, count):
    """More published articles around the demo one, each with two bylines, tags, links and photos."""
    event, organisation = demo.events.get(), demo.organisations.get(slug="tcs")
    photo = demo.lead_photo
    for _ in range(count):
        article = ArticleFactory(
            published=True,
            section=demo.section,
            lead_photo=photo,
            body=f'<p>본문</p><figure data-photo-id="{photo.pk}"></figure>',
            reporters=[demo.reporters.get(), ReporterFactory()],
            tags=["스마트시티", "도시"],
        )
        article.events.add(event)
        article.organisations.add(organisation)


def query_count(client, url, django_assert_max_num_queries, limit=MAX_QUERIES):
    client.get(url)  # warm the section-menu cache, as a running site has it
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [*PAGES, "article"])
def test_reader_page_query_count_does_not_grow_with_the_archive(client, demo, url, django_assert_max_num_queries):
    limit = ARTICLE_PAGE_MAX_QUERIES if url == "article" else MAX_QUERIES
    url = demo.get_absolute_url() if url == "article" else url
    small = query_count(client, url, django_assert_max_num_queries, limit)
    grow_archive(demo, 25)
    assert query_count(client, url, django_assert_max_num_queries, limit) == small


def test_article_page_with_more_body_photos_runs_the_same_queries(client, demo, django_assert_max_num_queries):
    """Photos inside the body are fetched in one query, however many there are."""
    url = demo.get_absolute_url()
    before = query_count(client, url, django_assert_max_num_queries, ARTICLE_PAGE_MAX_QUERIES)
    figure = f'<figure data-photo-id="{demo.lead_photo.pk}"></figure>'
    demo.body += figure * 5
    demo.save()
    assert query_count(client, url, django_assert_max_num_queries, ARTICLE_PAGE_MAX_QUERIES) == before
    assert client.get(url).content.decode().count("<figcaption>") >= 7
