"""for_lists(): a list's articles with their sections, lead photos and bylines in one query (articles/lists.py)."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory, library_photo

pytestmark = pytest.mark.django_db


def at(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_one_query_brings_everything_a_list_shows(django_assert_num_queries):
    section, photo = SectionFactory(), library_photo()
    for hours in range(3):
        ArticleFactory(
            published=True,
            section=section,
            lead_photo=photo,
            published_at=at(hours),
            reporters=[ReporterFactory(), ReporterFactory()],
        )
    with django_assert_num_queries(1):
        shown = [
            (a.headline, a.deck, a.section.name, a.lead_photo.key, [b.reporter.name for b in a.ordered_bylines()])
            for a in Article.objects.published().for_lists().newest_first()
        ]
    assert len(shown) == 3 and all(len(bylines) == 2 for *_, bylines in shown)
    assert {name for _, _, name, _, _ in shown} == {section.name}


def test_the_querysets_order_and_slice_are_kept():
    articles = [ArticleFactory(published=True, published_at=at(hours)) for hours in (5, 1, 3, 2, 4)]
    newest_first = sorted(articles, key=lambda a: a.published_at, reverse=True)
    assert list(Article.objects.for_lists().newest_first()[1:4]) == newest_first[1:4]
    assert list(Article.objects.for_lists().order_by("published_at")[:2]) == newest_first[::-1][:2]
    assert Article.objects.for_lists().filter(pk=articles[0].pk).get() == articles[0]


def test_nothing_to_list_asks_the_database_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(Article.objects.for_lists().none()) == []
        assert list(Article.objects.for_lists().filter(pk__in=[])) == []


def test_the_body_is_not_read_for_a_list(django_assert_num_queries):
    article = ArticleFactory(published=True, body="<p>본문 글</p>")
    listed = Article.objects.for_lists().get(pk=article.pk)
    with django_assert_num_queries(1):  # not read for a list; loaded if something asks
        assert listed.body == "<p>본문 글</p>"


def test_an_article_without_section_or_photo_lists_as_none():
    article = ArticleFactory(published=True, section=None, lead_photo=None)
    article.bylines.all().delete()
    listed = Article.objects.for_lists().get(pk=article.pk)
    assert listed.section is None and listed.lead_photo is None and listed.ordered_bylines() == []
