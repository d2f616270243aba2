"""A tag's list walks the newest-first index and checks each article for the tag, rather than joining all of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_tag_list_asks_for_the_tag_per_article_with_exists(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        ArticleFactory(published=True, tags=["스마트시티"])
    ArticleFactory(tags=["스마트시티"], headline="초안")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tag/스마트시티/")
    assert response.status_code == 200
    assert "초안" not in response.content.decode()
    listing = [q["sql"] for q in queries.captured_queries if 'FROM "articles_article"' in q["sql"]]
    assert any("EXISTS" in sql and "taggit_taggeditem" in sql for sql in listing)
    assert not any('INNER JOIN "taggit_taggeditem"' in sql for sql in listing)
