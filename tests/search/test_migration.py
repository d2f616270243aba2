"""The search migration indexes existing articles with the models of its own time."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import StateApps

from articles.search import document
from tests.factories import ArticleFactory

migration = importlib.import_module("articles.migrations.0007_search")


def historical_apps():
    return MigrationExecutor(connection).loader.project_state(("articles", "0007_search")).apps


@pytest.mark.django_db
def test_the_migration_indexes_existing_articles_as_the_app_does():
    article = ArticleFactory(headline="스마트시티 세미나", body="<p>서울시와 베이징시</p>")
    article.tags.add("한중일")
    expected = document(article.headline, article.deck, article.body, ["한중일"])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET search_vector = NULL, search_title = NULL")
    apps = historical_apps()
    assert isinstance(apps, StateApps)
    with connection.schema_editor() as editor:
        migration.index_existing_articles(apps, editor)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector = %s::tsvector, search_title = %s::tsvector FROM articles_article WHERE id = %s",
            [*expected, article.pk],
        )
        assert cursor.fetchone() == (True, True)


def test_the_migration_imports_no_model_of_today():
    source = open(migration.__file__, encoding="utf-8").read()
    assert "from articles" not in source
    assert "import articles" not in source
