"""The article and event pages' own statements run as server-side prepared statements (newsroom/prepared.py):
prepared once per connection, on generic plans, and prepared again on a new connection."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from newsroom.prepared import Prepared

pytestmark = pytest.mark.django_db


def prepares(queries):
    return [query["sql"] for query in queries if query["sql"].startswith("PREPARE ")]


@pytest.mark.django_db(transaction=True)
def test_a_statement_is_prepared_once_per_connection(settings, client, demo):
    settings.PAGE_CACHE_SECONDS = 0
    connection.close()  # a new connection: nothing prepared on it yet
    with CaptureQueriesContext(connection) as first:
        assert client.get(demo.get_absolute_url()).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(demo.get_absolute_url()).status_code == 200
    names = [sql.split()[1] for sql in prepares(first)]
    assert len(names) == 3  # the article; its relations; its comments
    assert prepares(second) == []
    assert [query["sql"].split("(")[0].split()[1] for query in second if query["sql"].startswith("EXECUTE ")] == names


def test_parameters_by_name_repeated_names_and_a_literal_percent():
    statement = Prepared("SELECT %(a)s::int + %(b)s::int + %(a)s::int, 'x' LIKE '%%', format('%%s!', %(b)s::text)")
    with connection.cursor() as cursor:
        for a, b in ((1, 2), (10, 20)):
            statement.execute(cursor, {"a": a, "b": b, "unused": "…"})
            assert cursor.fetchone() == (2 * a + b, True, f"{b}!")


@pytest.mark.django_db(transaction=True)  # a real ROLLBACK, not a savepoint inside the test's transaction
def test_a_rolled_back_transaction_keeps_the_statement():
    statement = Prepared("SELECT %(n)s::int * 2")
    with pytest.raises(RuntimeError), transaction.atomic(), connection.cursor() as cursor:
        statement.execute(cursor, {"n": 1})
        raise RuntimeError("roll back")
    with CaptureQueriesContext(connection) as queries, connection.cursor() as cursor:
        statement.execute(cursor, {"n": 21})
        assert cursor.fetchone() == (42,)
    assert prepares(queries) == []


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again():
    statement = Prepared("SELECT %(n)s::int + 1")
    with connection.cursor() as cursor:
        statement.execute(cursor, {"n": 1})
    connection.close()  # as after a restart of the database, or CONN_MAX_AGE
    with CaptureQueriesContext(connection) as queries, connection.cursor() as cursor:
        statement.execute(cursor, {"n": 1})
        assert cursor.fetchone() == (2,)
    assert len(prepares(queries)) == 1


def test_prepared_statements_run_on_generic_plans():
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone() == ("force_generic_plan",)


def test_positional_parameters_and_a_message_before_the_execute():
    statement = Prepared("SELECT %s::int - %s::int, current_setting('enable_seqscan')")
    with connection.cursor() as cursor:
        statement.execute(cursor, [10, 3], before="SELECT set_config('enable_seqscan', 'off', true); ")
        assert cursor.fetchone() == (7, "off")


def test_named_and_positional_placeholders_do_not_mix():
    with pytest.raises(ValueError, match="not both"):
        Prepared("SELECT %(a)s::int + %s::int")


def test_sql_before_the_execute_takes_no_percent_sign():
    with connection.cursor() as cursor, pytest.raises(ValueError, match="no % sign"):
        Prepared("SELECT %s::int").execute(cursor, [1], before="SELECT '100%'; ")
