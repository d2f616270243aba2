"""Saved articles go straight into the search indexes, not into a GIN pending list that every search would
read through until a vacuum (search/models.py, migration search/0004)."""

import pytest
from django.db import connection

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
INDEXES = ["search_entry_document", "search_entry_title"]


@pytest.mark.parametrize("index", INDEXES)
def test_the_indexes_keep_no_pending_list(index):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [index])
        assert "fastupdate=off" in cursor.fetchone()[0]


def test_a_saved_article_leaves_nothing_pending():
    for n in range(3):
        ArticleFactory(published=True, headline=f"교통 안전 점검 {n}", body="<p>" + "안전 교통 정책 " * 50 + "</p>")
    with connection.cursor() as cursor:
        for index in INDEXES:
            # The number of pending-list pages it had to move into the index: none.
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            assert cursor.fetchone()[0] == 0, index
