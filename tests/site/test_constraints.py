import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Byline
from tests.factories import ArticleFactory, EventFactory, ReporterFactory, SessionFactory

pytestmark = pytest.mark.django_db


def refused(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


def test_published_article_needs_a_publish_time():
    article = ArticleFactory()
    article.status = Article.Status.PUBLISHED
    refused(article.save)


def test_event_cannot_end_before_it_starts():
    event = EventFactory()
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    refused(event.save)


def test_session_cannot_end_before_it_starts():
    now = timezone.now()
    refused(lambda: SessionFactory(starts_at=now, ends_at=now - datetime.timedelta(minutes=1)))


def test_two_sessions_of_one_event_cannot_share_an_order():
    first = SessionFactory(order=1)
    refused(lambda: SessionFactory(event=first.event, order=1))


def test_a_reporter_appears_once_in_an_articles_byline():
    reporter = ReporterFactory()
    article = ArticleFactory(reporters=[reporter])
    refused(lambda: Byline.objects.create(article=article, reporter=reporter, order=1))


def test_reporter_slug_is_unique():
    ReporterFactory(slug="강승원")
    refused(lambda: ReporterFactory(slug="강승원"))
