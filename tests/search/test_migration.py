"""The search app's first migration indexes existing articles with the models of its own time."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import StateApps

from search.index import document
from search.models import Entry
from tests.factories import ArticleFactory

migration = importlib.import_module("search.migrations.0001_initial")


def historical_apps():
    return MigrationExecutor(connection).loader.project_state(("search", "0001_initial")).apps


@pytest.mark.django_db
def test_the_migration_indexes_existing_articles_as_the_app_does():
    body = "<p>서울시와 베이징시, Smart Cities of O'Brien \\ ＷｅＧｏ</p><h2>제목</h2><p>本文 東京</p>"
    article = ArticleFactory(published=True, headline="스마트시티 세미나", body=body)
    article.tags.add("한중일")
    article.refresh_from_db()
    expected = document(article.headline, article.deck, article.body, ["한중일"], article.published_at)
    Entry.objects.all().delete()
    apps = historical_apps()
    assert isinstance(apps, StateApps)
    with connection.schema_editor() as editor:
        migration.index_existing_articles(apps, editor)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document = %s::tsvector, title = %s::tsvector FROM search_entry WHERE article_id = %s",
            [*expected, article.pk],
        )
        assert cursor.fetchone() == (True, True)


def test_the_migration_imports_no_model_of_today():
    source = open(migration.__file__, encoding="utf-8").read()
    assert "from articles" not in source
    assert "from search.index" not in source
    assert "from search.models" not in source
    assert "from search import" not in source
