"""A copy of an article loaded before a transition must not undo it when saved."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles import editing
from articles.models import Article
from tests.articles.workflow import change_form_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_saving_a_stale_copy_does_not_republish_a_withdrawn_article(editor):
    article = ArticleFactory(published=True)
    stale = Article.objects.get(pk=article.pk)
    article.unpublish(editor)
    stale.headline = "편집자가 고친 제목"
    editing.save_edit(stale, editor, changed_fields=["headline"])
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    assert article.headline == "편집자가 고친 제목"


def test_a_cancelled_schedule_never_becomes_the_published_version(editor, client_as_editor):
    article = ArticleFactory(in_review=True)
    client_as_editor.post(change_url(article), change_form_data(article, headline="예약했던 판"))
    article.refresh_from_db()
    moment = timezone.now() + datetime.timedelta(seconds=2)
    article.publish(editor, at=moment)
    article.cancel_schedule(editor)
    with time_machine.travel(moment + datetime.timedelta(days=1)):
        assert article.published_revision() is None
