"""Scheduled articles go live on time without cron; withdrawn ones vanish from every reader surface."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory, ReporterFactory

pytestmark = pytest.mark.django_db

HEADLINE = "세 나라 수도가 함께 푼 도시 문제"


@pytest.fixture
def story():
    """An article reachable from every kind of reader page."""
    article = ArticleFactory(published=True, headline=HEADLINE, reporters=[ReporterFactory(slug="취재기자")])
    article.tags.set(["스마트시티"])
    article.organisations.set([OrganisationFactory(slug="tcs")])
    article.events.set([EventFactory(slug="seminar")])
    # An older story in the same section with the same tag: the story is its "next" and "related" article.
    ArticleFactory(
        published=True,
        section=article.section,
        slug="이웃-기사",
        published_at=timezone.now() - datetime.timedelta(hours=2),
        tags=["스마트시티"],
    )
    return article


def reader_urls(article):
    """Every public page, feed and sitemap that lists or shows an article."""
    return {
        "front page": reverse("front_page"),
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["스마트시티"]),
        "reporter": reverse("reporters:detail", args=["취재기자"]),
        "organisation": reverse("organisations:detail", args=["tcs"]),
        "event": reverse("events:detail", args=["seminar"]),
        "feed": reverse("articles:feed"),
        "atom feed": reverse("articles:feed_atom"),
        "section feed": reverse("articles:section_feed", args=[article.section.slug]),
        "tag feed": reverse("articles:tag_feed", args=["스마트시티"]),
        "reporter feed": reverse("articles:reporter_feed_atom", args=["취재기자"]),
        "sitemap": reverse("django.contrib.sitemaps.views.sitemap", args=["articles"]),
        "news sitemap": reverse("news_sitemap"),
        # related articles, previous/next and the JSON-LD of another article's page
        "neighbour article": Article.objects.get(slug="이웃-기사").get_absolute_url(),
    }


def shows(client, url, article):
    response = client.get(url)
    if "/tag/" in url and response.status_code == 404:
        return False  # a tag with no published article has no page at all
    assert response.status_code == 200, url
    text = response.content.decode()
    return HEADLINE in text or f"/news/{article.pk}/" in text


PAGES = [
    "front page",
    "section",
    "tag",
    "reporter",
    "organisation",
    "event",
    "feed",
    "atom feed",
    "section feed",
    "tag feed",
    "reporter feed",
    "sitemap",
    "news sitemap",
    "neighbour article",
]


@pytest.mark.parametrize("page", PAGES)
def test_published_article_is_on_every_reader_page(client, story, page):
    assert shows(client, reader_urls(story)[page], story)


@pytest.mark.parametrize("page", PAGES)
def test_withdrawn_article_is_gone_from_every_reader_page(client, story, editor, page):
    story.unpublish(editor)
    assert not shows(client, reader_urls(story)[page], story)
    assert client.get(story.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("offset_seconds", "visible"), [(-1, False), (0, True), (1, True)], ids=["second-before", "at", "second-after"]
)
def test_scheduled_article_appears_at_its_moment_and_not_before(client, story, editor, page, offset_seconds, visible):
    story.unpublish(editor)
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=3)
    story.publish(editor, at=moment)
    with time_machine.travel(moment + datetime.timedelta(seconds=offset_seconds), tick=False):
        assert shows(client, reader_urls(story)[page], story) is visible
        assert (client.get(story.get_absolute_url()).status_code == 200) is visible


def test_cancelled_schedule_never_goes_live(client, story, editor):
    story.unpublish(editor)
    moment = timezone.now() + datetime.timedelta(hours=1)
    story.publish(editor, at=moment)
    story.cancel_schedule(editor)
    with time_machine.travel(moment + datetime.timedelta(days=1)):
        assert not Article.objects.published().filter(pk=story.pk).exists()
        assert client.get(story.get_absolute_url()).status_code == 404


def test_scheduled_time_is_shown_in_kst_in_the_admin(client_as_editor, editor):
    article = ArticleFactory(in_review=True)
    at = (timezone.now() + datetime.timedelta(days=30)).replace(hour=0, minute=30, second=0, microsecond=0)
    article.publish(editor, at=at)
    page = client_as_editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "예약 출고" in page
    assert f"{timezone.localtime(at):%Y/%m/%d} [09:30] KST" in page  # 00:30 UTC is 09:30 in Seoul


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("state", ["draft", "in_review", "changes_requested", "scheduled", "unpublished"])
def test_no_reader_page_shows_an_article_readers_may_not_see(client, story, page, state):
    future = timezone.now() + datetime.timedelta(hours=1)
    status = "published" if state == "scheduled" else state
    Article.objects.filter(pk=story.pk).update(status=status, published_at=future if state == "scheduled" else None)
    story.refresh_from_db()
    assert story.state == state
    assert not shows(client, reader_urls(story)[page], story)
    assert client.get(story.get_absolute_url()).status_code == 404
