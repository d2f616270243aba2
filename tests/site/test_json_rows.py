"""Instances made from JSON rows (newsroom.jsonrows.instance()) are what Django's from_db() makes.

Models with no __init__ of their own and no pre_init listener skip __init__ (their fields set as it
sets them, post_init sent as it sends it); each is compared here with Django's own instance of the same
row, field for field, deferred fields, saved state and a save included.
"""

import pytest
from django.db import connection, models
from django.db.models.signals import post_init, pre_init
from django.test.utils import isolate_apps
from taggit.models import Tag

from articles.models import Article, Byline, Correction, Section
from comments.models import Comment
from events.models import Event, Session
from newsroom.jsonrows import instance, own_setters, table
from organisations.models import Organisation
from photos.models import Photo
from reporters.models import Reporter
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory, library_photo

pytestmark = pytest.mark.django_db

# Every model the site reads through instance() (articles/page.py, articles/lists.py, events/page.py,
# comments/listing.py, publication/frontpage.py).
MODELS = [Article, Byline, Correction, Section, Comment, Event, Session, Organisation, Photo, Reporter, Tag]


def row_of(model, pk, columns="*"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT row_to_json(x) FROM (SELECT {columns} FROM {table(model)} WHERE id = %s) x", [pk])  # noqa: S608
        return cursor.fetchone()[0]


@pytest.fixture
def rows():
    article = ArticleFactory(published=True, tags=["스마트시티"])
    article.organisations.set([OrganisationFactory()])
    article.events.set([EventFactory()])
    article.corrections.create(text="바로잡습니다.")
    Comment.objects.create(article=article, name="독자", body="좋은 기사", status=Comment.Status.PUBLISHED)
    objects = {Article: article, Section: article.section, Tag: article.tags.get(), Byline: article.bylines.first()}
    objects |= {Reporter: article.bylines.first().reporter, Organisation: article.organisations.get()}
    objects |= {Event: article.events.get(), Correction: article.corrections.get(), Comment: article.comments.get()}
    objects[Session] = objects[Event].sessions.create(order=1, title="세션")
    objects[Photo] = library_photo()
    return objects


def djangos(model, row):
    """Django's own from_db() instance of a row_to_json() row."""
    fields = [field for field in model._meta.concrete_fields if field.column in row]
    return model.from_db("default", [f.attname for f in fields], [f.to_python(row[f.column]) for f in fields])


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_read_from_json_is_what_django_makes(rows, model):
    row = row_of(model, rows[model].pk)
    made, django = instance(model, row, "default"), djangos(model, row)
    assert type(made) is model
    assert {name: value for name, value in vars(made).items() if name != "_state"} == {
        name: value for name, value in vars(django).items() if name != "_state"
    }
    assert (made._state.adding, made._state.db) == (django._state.adding, django._state.db) == (False, "default")
    assert made.get_deferred_fields() == django.get_deferred_fields() == set()
    made.save()  # a saved instance: an UPDATE of its row, not a second row
    assert model.objects.filter(pk=made.pk).count() == 1


def test_a_row_with_fewer_columns_defers_the_rest_and_loads_them_on_use(rows):
    article = rows[Article]
    made = instance(Article, row_of(Article, article.pk, "id, headline, section_id"), "default")
    assert made.get_deferred_fields() >= {"body", "deck", "status"}
    assert made.body == article.body  # loaded now, as only() would
    made.headline = "고친 제목"
    made.save(update_fields=["headline"])
    assert Article.objects.get(pk=article.pk).headline == "고친 제목"


def test_post_init_is_sent_as_django_sends_it_before_the_state_says_saved(rows):
    heard = []

    def listener(sender, instance, **kwargs):
        heard.append((instance, instance._state.adding, instance._state.db))

    post_init.connect(listener, sender=Section)
    try:
        made = instance(Section, row_of(Section, rows[Section].pk), "default")
        django = djangos(Section, row_of(Section, rows[Section].pk))
    finally:
        post_init.disconnect(listener, sender=Section)
    assert heard == [(made, True, None), (django, True, None)]
    assert (made._state.adding, made._state.db) == (False, "default")


def test_a_pre_init_listener_gets_what_django_sends_it(rows):
    heard = []

    def listener(sender, args, kwargs, **rest):
        heard.append(args)

    pre_init.connect(listener, sender=Section)
    try:
        instance(Section, row_of(Section, rows[Section].pk), "default")
    finally:
        pre_init.disconnect(listener, sender=Section)
    assert len(heard) == 1 and rows[Section].pk in heard[0]


def test_fields_with_their_own_descriptors_are_set_through_them(monkeypatch):
    assert own_setters(Article) == own_setters(Section) == frozenset()
    assert own_setters(Organisation) == {"country"}  # django-countries' CountryDescriptor converts what it is given
    cleaned = []
    field = Organisation._meta.get_field("country")
    monkeypatch.setattr(field, "get_clean_value", lambda value: cleaned.append(value) or value)
    organisation = instance(Organisation, {"id": 1, "name": "서울시", "country": "KR"}, "default")
    assert cleaned == ["KR"] and organisation.country.code == "KR"


@isolate_apps("articles")  # models made here stay out of the app registry
def test_a_model_that_makes_itself_another_way_takes_djangos():
    class Greeting:
        def __init__(self):
            self.greeted = True

    class Plain(models.Model):  # noqa: DJ008 - never printed
        name = models.CharField(max_length=10)

        class Meta:
            app_label = "articles"

    class WithBase(models.Model, Greeting):  # noqa: DJ008 - never printed
        name = models.CharField(max_length=10)

        class Meta:
            app_label = "articles"

    class Guarded(models.Model):  # noqa: DJ008 - never printed
        name = models.CharField(max_length=10)

        class Meta:
            app_label = "articles"

        def __setattr__(self, name, value):
            super().__setattr__(name, value)

    assert own_setters(Plain) == frozenset()
    assert own_setters(WithBase) is None and own_setters(Guarded) is None
    assert instance(WithBase, {"id": 1, "name": "가"}, "default").greeted


def test_the_stories_of_one_statement_share_sections_and_reporters(rows):
    article = rows[Article]
    other = ArticleFactory(published=True, section=article.section)
    other.bylines.all().delete()
    other.bylines.create(reporter=rows[Reporter], order=1)
    stories = list(Article.objects.filter(pk__in=[article.pk, other.pk]).for_lists())
    assert stories[0].section is stories[1].section
    reporters = [byline.reporter for story in stories for byline in story.ordered_bylines()]
    assert reporters[0] is reporters[1]
