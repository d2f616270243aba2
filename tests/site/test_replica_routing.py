"""The replica router's decisions, in-process (tests/site/test_read_replica.py runs a real replica)."""

import pytest
from django.core.cache import cache
from django.db import DatabaseError, router, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from articles.models import Article
from newsroom import dbrouter, pagecache
from tests.factories import ArticleFactory


@pytest.fixture
def routed(settings, monkeypatch):
    """The router installed, with a replica that has replayed everything."""
    settings.DATABASE_ROUTERS = ["newsroom.dbrouter.ReplicaRouter"]
    monkeypatch.setattr(dbrouter, "choose", lambda: dbrouter.REPLICA)


def serve(view, method="get", cookies=None):
    """Run view inside ReplicaMiddleware; returns (what the view returned as text, response)."""
    request = getattr(RequestFactory(), method)("/")
    request.COOKIES.update(cookies or {})
    seen = {}

    def wrapped(request):
        seen["reads"] = view()
        return HttpResponse()

    response = dbrouter.ReplicaMiddleware(wrapped)(request)
    return seen["reads"], response


def read():
    return router.db_for_read(Article)


def test_migrations_run_on_the_primary_only():
    assert dbrouter.ReplicaRouter().allow_migrate("default", "articles")
    assert not dbrouter.ReplicaRouter().allow_migrate("replica", "articles")


def test_anonymous_reads_go_to_the_replica_and_leave_no_cookie(routed):
    reads, response = serve(read)
    assert reads == "replica"
    assert "read_primary" not in response.cookies


@pytest.mark.parametrize(
    ("method", "cookies"),
    [("get", {"sessionid": "x"}), ("get", {"read_primary": "1"}), ("post", {}), ("head", {"sessionid": "x"})],
    ids=["staff", "wrote-recently", "post", "staff-head"],
)
def test_staff_recent_writers_and_posts_read_the_primary(routed, method, cookies):
    assert serve(read, method, cookies)[0] == "default"


def test_reads_after_a_write_in_the_same_request_go_to_the_primary_and_so_does_the_browser(routed, settings):
    settings.REPLICA_STICKY_SECONDS = 7

    def write_then_read():
        before = read()
        assert router.db_for_write(Article) == "default"
        return before, read()

    (before, after), response = serve(write_then_read)
    assert (before, after) == ("replica", "default")
    cookie = response.cookies["read_primary"]
    assert cookie["max-age"] == 7
    assert cookie["httponly"]


@pytest.mark.django_db
def test_reads_inside_a_transaction_and_outside_any_request_use_the_primary(routed):
    assert read() == "default"

    def in_transaction():
        with transaction.atomic():
            return read()

    assert serve(in_transaction)[0] == "default"


@pytest.fixture
def replica_reports(monkeypatch):
    """Make the replica report (in recovery, replayed position) or fail."""
    state = {}

    def replica_state():
        if "error" in state:
            raise DatabaseError(state["error"])
        return state["recovering"], state["replayed"]

    monkeypatch.setattr(dbrouter, "replica_state", replica_state)
    monkeypatch.setattr(dbrouter, "_replica_down_until", 0.0)
    return state


def test_a_replica_behind_the_last_change_readers_can_see_is_passed_over(replica_reports):
    cache.set(dbrouter.POSITION_KEY, 1000, None)
    replica_reports.update(recovering=True, replayed=999)
    assert dbrouter.choose() == "default"
    replica_reports.update(replayed=1000)
    assert dbrouter.choose() == "replica"


def test_a_promoted_replica_is_read(replica_reports):
    cache.set(dbrouter.POSITION_KEY, 1000, None)
    replica_reports.update(recovering=False, replayed=None)
    assert dbrouter.choose() == "replica"


def test_a_replica_that_fails_is_left_alone_for_a_while(replica_reports):
    cache.set(dbrouter.POSITION_KEY, 1, None)
    replica_reports.update(error="connection refused")
    assert dbrouter.choose() == "default"
    replica_reports.clear()
    replica_reports.update(recovering=True, replayed=5)
    assert dbrouter.choose() == "default"  # not asked again so soon


@pytest.mark.django_db
def test_without_a_recorded_position_the_primarys_current_one_is_required():
    assert cache.get(dbrouter.POSITION_KEY) is None
    required = dbrouter.required_position()
    assert required == cache.get(dbrouter.POSITION_KEY)
    assert required <= dbrouter.primary_position()


def test_positions_order_like_the_wal():
    assert dbrouter.position("0/FFFFFFFF") < dbrouter.position("1/0") < dbrouter.position("1/A")


@pytest.mark.django_db
def test_a_change_readers_can_see_records_the_primarys_position_before_the_new_generation(
    monkeypatch, editor, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(pagecache, "_bump_fence", dbrouter.position_fence)
    story = ArticleFactory(published=True)
    cache.set(dbrouter.POSITION_KEY, 0, None)
    seen_at_bump = []
    real_bump = pagecache.bump
    monkeypatch.setattr(pagecache, "bump", lambda: (seen_at_bump.append(cache.get(dbrouter.POSITION_KEY)), real_bump()))
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish(editor)
    assert seen_at_bump[-1] > 0  # the after-commit bump ran with the position already stored
    assert seen_at_bump[-1] == cache.get(dbrouter.POSITION_KEY)


@pytest.mark.django_db
def test_a_draft_saved_records_no_position(monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(pagecache, "_bump_fence", dbrouter.position_fence)
    draft = ArticleFactory(headline="초안")
    cache.set(dbrouter.POSITION_KEY, 0, None)
    with django_capture_on_commit_callbacks(execute=True):
        draft.headline = "고친 초안"
        draft.save()
    assert cache.get(dbrouter.POSITION_KEY) == 0


def test_without_a_replica_url_there_is_no_router(settings):
    assert "replica" not in settings.DATABASES
    assert settings.DATABASE_ROUTERS == []
    assert "newsroom.dbrouter.ReplicaMiddleware" not in settings.MIDDLEWARE
