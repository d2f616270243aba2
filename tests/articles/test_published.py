import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_draft_is_not_published():
    article = ArticleFactory()
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert not article.is_published


def test_future_publish_time_is_not_published_yet():
    article = ArticleFactory(scheduled=True)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert not article.is_published


@pytest.mark.parametrize(
    ("offset_seconds", "visible"), [(-1, False), (0, True), (1, True)], ids=["second-before", "at", "second-after"]
)
def test_publish_time_boundary(offset_seconds, visible):
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=moment)
    with time_machine.travel(moment + datetime.timedelta(seconds=offset_seconds), tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists() is visible
        article.refresh_from_db()
        assert article.is_published is visible


@pytest.mark.parametrize("trait", ["draft", "in_review", "scheduled", "unpublished", "published"])
def test_is_published_agrees_with_queryset(trait):
    article = ArticleFactory(**({} if trait == "draft" else {trait: True}))
    assert article.is_published == Article.objects.published().filter(pk=article.pk).exists()
