"""Relations a page read in its own statement (newsroom.jsonrows.remember()): reading them runs no query, and
anything that needs the relation's query gets Django's own, never a query over the whole table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.page import load_relations
from events.page import load_relations as load_event
from organisations.models import Organisation
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    story = ArticleFactory(published=True, tags=["스마트시티", "교통"])
    story.organisations.set([OrganisationFactory(name="가 기관"), OrganisationFactory(name="나 기관")])
    OrganisationFactory(name="다른 기관")  # on no article: a query over the whole table would find it
    return load_relations(Article.objects.for_page().get(pk=story.pk))


def test_reading_a_loaded_relation_runs_no_query(article):
    with CaptureQueriesContext(connection) as queries:
        organisations = article.organisations.all()
        assert [o.name for o in organisations] == ["가 기관", "나 기관"]
        assert len(organisations) == organisations.count() == 2 and organisations.exists() and organisations
        assert organisations[0].name == "가 기관" and [o.name for o in organisations[1:]] == ["나 기관"]
        assert sorted(tag.name for tag in article.tags.all()) == ["교통", "스마트시티"]
    assert queries.captured_queries == []


def test_chaining_asks_the_database_for_the_relation_only(article):
    assert [o.name for o in article.organisations.all().filter(name__startswith="나")] == ["나 기관"]
    assert [o.name for o in article.organisations.order_by("-name")] == ["나 기관", "가 기관"]
    assert article.organisations.all().exclude(name="가 기관").count() == 1
    assert sorted(tag.name for tag in article.tags.all().order_by("name")) == ["교통", "스마트시티"]
    assert [o.name for o in article.organisations.all().iterator()] == ["가 기관", "나 기관"]


def test_as_a_subquery_it_is_the_relation(article):
    """The query of a loaded relation is the manager's: used inside another query it keeps the article's filter."""
    inside = Organisation.objects.filter(pk__in=article.organisations.all().values("pk"))
    assert sorted(inside.values_list("name", flat=True)) == ["가 기관", "나 기관"]
    assert Organisation.objects.filter(pk__in=article.organisations.all()).count() == 2
    assert "articles_article_organisations" in str(article.organisations.all().query)


def test_the_event_page_relations_too():
    event = EventFactory()
    event.organisers.set([OrganisationFactory(name="주최 기관")])
    OrganisationFactory(name="남의 기관")
    event = load_event(type(event).objects.get(pk=event.pk))
    with CaptureQueriesContext(connection) as queries:
        assert [o.name for o in event.organisers.all()] == ["주최 기관"]
    assert queries.captured_queries == []
    assert list(event.organisers.all().filter(name="남의 기관")) == []
