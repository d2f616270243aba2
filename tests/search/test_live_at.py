"""Search reads its own table: Entry.live_at says what readers may see, and follows the article whatever
changes it (a workflow move, update(), raw SQL) in the same transaction, so nothing unpublished leaks."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from search.models import Entry
from search.queries import search
from search.tokenizer import parse_query
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def found(text):
    results, _ = search(parse_query(text))
    return results[0:20]


def live_at(article):
    return Entry.objects.values_list("live_at", flat=True).get(article=article)


def test_the_index_writes_when_readers_may_see_the_article():
    shown = ArticleFactory(published=True, headline="태풍 북상")
    draft = ArticleFactory(headline="태풍 초고")
    later = ArticleFactory(scheduled=True, headline="태풍 예고")
    assert live_at(shown) == shown.published_at
    assert live_at(draft) is None
    assert live_at(later) == later.published_at > timezone.now()  # kept, and not shown before its time
    assert found("태풍") == [shown]


def test_the_desk_publishing_and_withdrawing_moves_the_entry(editor):
    article = ArticleFactory(headline="태풍 북상")
    article.publish(editor)
    assert found("태풍") == [article]
    article.refresh_from_db()
    article.unpublish(editor)
    assert live_at(article) is None
    assert found("태풍") == []


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.UNPUBLISHED])
def test_a_status_changed_around_the_signals_leaves_search_at_once(status):
    article = ArticleFactory(published=True, headline="태풍 북상")
    Article.objects.filter(pk=article.pk).update(status=status)  # no save(), no signal: the trigger alone
    assert live_at(article) is None
    assert found("태풍") == []


def test_raw_sql_is_followed_too():
    article = ArticleFactory(headline="태풍 북상")
    earlier = timezone.now() - datetime.timedelta(days=3)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET status = 'published', published_at = %s WHERE id = %s", [earlier, article.pk]
        )
    assert live_at(article) == earlier
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET published_at = %s WHERE id = %s", [earlier, article.pk])
        cursor.execute("UPDATE articles_article SET status = 'draft' WHERE id = %s", [article.pk])
    assert live_at(article) is None


def test_a_publish_time_moved_into_the_future_hides_the_story_until_then():
    article = ArticleFactory(published=True, headline="태풍 북상")
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert found("태풍") == []


def test_an_article_row_inserted_again_under_its_id_is_followed():
    article = ArticleFactory(published=True, headline="태풍 북상")
    with connection.cursor() as cursor:  # a data load that replaces the row: delete, then insert as a draft
        cursor.execute("CREATE TEMPORARY TABLE reloaded AS SELECT * FROM articles_article WHERE id = %s", [article.pk])
        cursor.execute("UPDATE reloaded SET status = 'draft'")
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [article.pk])
        cursor.execute("INSERT INTO articles_article SELECT * FROM reloaded")
    assert live_at(article) is None
    assert found("태풍") == []


def test_search_and_published_agree_on_every_state(editor):
    states = [
        ArticleFactory(headline="태풍 초고"),
        ArticleFactory(in_review=True, headline="태풍 검토"),
        ArticleFactory(scheduled=True, headline="태풍 예약"),
        ArticleFactory(unpublished=True, headline="태풍 철회"),
        ArticleFactory(published=True, headline="태풍 공개"),
    ]
    visible = Entry.objects.filter(live_at__lte=timezone.now()).values_list("article_id", flat=True)
    assert set(visible) == set(Article.objects.published().values_list("pk", flat=True))
    assert found("태풍") == [states[-1]]


def test_a_stale_entry_still_never_shows_its_story():
    draft = ArticleFactory(headline="태풍 초고")
    Entry.objects.filter(article=draft).update(live_at=timezone.now() - datetime.timedelta(days=1))  # by hand
    assert found("태풍") == []
