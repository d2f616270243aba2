"""Plain searches of one or two terms run as prepared statements (search/queries.py, newsroom/prepared.py):
prepared once per connection and shape, run with sequential scans off, answering what the plain statement does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import queries, tokenizer
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    section = SectionFactory(slug="safety")
    return [
        ArticleFactory(published=True, headline=f"교통 안전 {n}", body=f"<p>안전 점검 {n}</p>", section=section)
        for n in range(5)
    ]


def executed(queries_run, prefix):
    return [query["sql"] for query in queries_run if prefix in query["sql"]]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("text", ["안전", "교통 안전"])
def test_a_plain_search_is_prepared_once_and_answers_as_the_plain_statement(stories, text):
    query = tokenizer.parse_query(text)
    connection.close()  # a new connection: nothing prepared on it yet
    with CaptureQueriesContext(connection) as first:
        prepared_total, prepared_rows = queries.run(query, "AND", {}, 0, 20)
    with CaptureQueriesContext(connection) as second:
        queries.run(query, "AND", {}, 0, 20)
    assert len(executed(first, "PREPARE newsroom_")) == 1
    assert executed(second, "PREPARE ") == [] and len(executed(second, "EXECUTE newsroom_")) == 1
    sql, params = queries.statement(query, "AND", {}, 0, 20)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        total, rows = cursor.fetchone()
    assert prepared_total == total == 5
    assert [story.pk for story in prepared_rows] == [row["story"]["article"]["id"] for row in rows]


def test_the_execute_turns_sequential_scans_off_in_its_own_message(stories):
    """The generic plan is made at the first EXECUTE, so the setting that keeps PostgreSQL on the index
    (search/queries.py, run()) must travel in the same message, as it does for the plain statement."""
    with CaptureQueriesContext(connection) as run:
        queries.run(tokenizer.parse_query("안전"), "AND", {}, 0, 20)
    no_seqscan = "SELECT set_config('enable_seqscan', 'off', true); EXECUTE "
    assert executed(run, "EXECUTE newsroom_")[0].startswith(no_seqscan)


def test_filtered_and_longer_searches_are_planned_each_time(stories):
    filtered = tokenizer.parse_query("안전")
    longer = tokenizer.parse_query("교통 안전 점검")
    with CaptureQueriesContext(connection) as run:
        assert queries.run(filtered, "AND", {"section": "safety"}, 0, 20)[0] == 5
        assert queries.run(longer, "AND", {}, 0, 20)[0] == 5
    assert executed(run, "PREPARE ") == [] and executed(run, "EXECUTE ") == []
