"""Reader pages run a fixed number of queries, however large the archive."""

from urllib.parse import quote

import pytest

from comments.models import Comment
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Measure the page as rendered, not as served from the page cache (0 queries)."""
    settings.PAGE_CACHE_SECONDS = 0


MAX_QUERIES = 6
# Comments under an article: their count, the article's switch and the page shown, in one query.
COMMENT_QUERIES = 1
# The article page: the article with its section and lead photo; then everything else it shows (bylines,
# tags, organisations, events, sessions, corrections, the photos placed in its body however many, its
# neighbours in the section, related articles) in one statement, articles/page.py.
MAX_QUERIES_FOR = {"article": 2 + COMMENT_QUERIES}
# The event page: the event; its organisers and its sessions with theirs in one statement (events/page.py);
# its newest stories with their sections, photos and bylines in another (articles.lists.event_stories()).
EVENT_PAGE = "/events/" + quote("2020-한중일-스마트시티-온라인-세미나") + "/"
MAX_QUERIES_FOR[EVENT_PAGE] = 3
PAGES = [
    "/",
    "/section/world/",
    "/tag/" + quote("스마트시티") + "/",
    "/reporters/" + quote("강승원") + "/",
    "/organisations/",
    "/reporters/",
    "/organisations/tcs/",
    "/events/",
    EVENT_PAGE,
    # Site (issue 7): the paper's pages, feeds and what machines read
    "/en/",
    "/about/",
    "/feed/",
    "/feed/atom/",
    "/section/world/feed/",
    "/tag/" + quote("스마트시티") + "/feed/atom/",
    "/reporters/" + quote("강승원") + "/feed/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/news-sitemap.xml",
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
        Comment.objects.create(article=demo, name="독자", body="댓글", status=Comment.Status.APPROVED)
        Comment.objects.create(article=demo, name="독자", body="대기", status=Comment.Status.PENDING)


def query_count(client, url, django_assert_max_num_queries, limit=MAX_QUERIES):
    client.get(url)  # warm the section-menu and site-details caches, as a running site has them
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [*PAGES, "article"])
def test_reader_page_query_count_does_not_grow_with_the_archive(client, demo, url, django_assert_max_num_queries):
    limit = MAX_QUERIES_FOR.get(url, MAX_QUERIES)
    url = demo.get_absolute_url() if url == "article" else url
    small = query_count(client, url, django_assert_max_num_queries, limit)
    grow_archive(demo, 25)
    assert query_count(client, url, django_assert_max_num_queries, limit) == small


def test_a_later_page_of_comments_runs_the_same_queries(client, demo, settings, django_assert_max_num_queries):
    settings.COMMENTS_PER_PAGE = 5
    grow_archive(demo, 12)
    first = query_count(client, demo.get_absolute_url(), django_assert_max_num_queries, MAX_QUERIES_FOR["article"])
    later = query_count(client, demo.get_absolute_url() + "?comments=3", django_assert_max_num_queries, first)
    assert later == first


def test_article_page_with_more_body_photos_runs_the_same_queries(client, demo, django_assert_max_num_queries):
    """Photos inside the body are fetched in one query, however many there are."""
    url = demo.get_absolute_url()
    before = query_count(client, url, django_assert_max_num_queries, MAX_QUERIES_FOR["article"])
    figure = f'<figure data-photo-id="{demo.lead_photo.pk}"></figure>'
    demo.body += figure * 5
    demo.save()
    assert query_count(client, url, django_assert_max_num_queries, MAX_QUERIES_FOR["article"]) == before
    assert client.get(url).content.decode().count("<figcaption>") >= 7
