"""Reads for anonymous readers from a streaming replica; everything else from the primary.

With ``DATABASE_REPLICA_URL`` set, the settings add a ``replica`` database,
``ReplicaRouter`` and ``ReplicaMiddleware``. Without it nothing here runs.

Who reads where:

- An anonymous GET or HEAD (no session cookie, no ``read_primary`` cookie)
  reads the replica, decided once per request at its first query.
- Staff (anyone with a session cookie), every write, every read after a write
  in the same request, and reads inside a transaction use the primary.
- After a request that wrote, the browser gets a ``read_primary`` cookie for
  ``REPLICA_STICKY_SECONDS``, so an anonymous visitor sees their own write at
  once; the caching proxy in ``deploy/`` also passes such requests through.
- Migrations run on the primary only.

What replication lag can show: every change a reader can see ends the page
cache's generation after it commits (``newsroom/pagecache.py``); just before,
``position_fence`` records the primary's WAL position in the shared cache,
one writer at a time. A request reads the replica only when the replica has
replayed that far (``pg_last_wal_replay_lsn()``), otherwise the primary. So
once the desk's action returns, no page the app renders shows the older state,
and no page rendered from a lagging replica is cached: the lag is never
visible. (Another worker's in-memory copy of a page may still answer for up
to PAGE_CACHE_LOCAL_SECONDS, newsroom/pagecache.py.) While the cache is down, reads go to the replica unchecked and show
at most the replication lag (no page is cached then). A replica that does not
answer is left alone for a few seconds and the primary serves. Writes made
around the ORM's signals (``QuerySet.update()``, raw SQL) are not tracked:
they reach readers with the replication lag.
"""

import contextlib
import contextvars
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections, transaction

from newsroom import pagecache

logger = logging.getLogger(__name__)

PRIMARY = "default"
REPLICA = "replica"
STICKY_COOKIE = "read_primary"
POSITION_KEY = "replica:primary-position"
# pg_advisory_xact_lock key that orders the writers recording their position ("NEWSREPL" in ASCII).
FENCE_LOCK = 0x4E455753_5245504C
# After the replica fails to answer, read the primary for this long instead of failing every request.
REPLICA_RETRY_SECONDS = 5

_replica_down_until = 0.0


@dataclass
class RequestReads:
    """Where this request's reads go: decided at its first read, the primary for good after a write."""

    may_lag: bool
    wrote: bool = False
    target: str | None = None


_current = contextvars.ContextVar("newsroom_request_reads", default=None)


def replica_configured():
    return REPLICA in settings.DATABASES


def position(text):
    """A WAL position ('16/B374D848') as a number that orders like the WAL."""
    high, low = text.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def primary_position():
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        return position(cursor.fetchone()[0])


def required_position():
    """The primary's position at the last change readers can see; None while the cache is down."""
    try:
        required = pagecache.cache_call("get", POSITION_KEY)
        if required is None:  # first use, or the cache lost its data: now is a safe lower bound
            pagecache.cache_call("add", POSITION_KEY, primary_position(), None)
            required = pagecache.cache_call("get", POSITION_KEY)
    except pagecache.CacheUnavailable:
        return None
    return required


def replica_state():
    """(in recovery, replayed position or None) as the replica reports them."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()")
        recovering, replayed = cursor.fetchone()
    return recovering, replayed and position(replayed)


def choose():
    """The replica if it has replayed every change readers can see, otherwise the primary."""
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return PRIMARY
    required = required_position()
    try:
        recovering, replayed = replica_state()
    except DatabaseError as error:
        _replica_down_until = time.monotonic() + REPLICA_RETRY_SECONDS
        logger.warning("Read replica unavailable (%s): reading the primary", error)
        return PRIMARY
    if not recovering or required is None or (replayed is not None and replayed >= required):
        return REPLICA
    return PRIMARY


class ReplicaRouter:
    """Database router: see the module's docstring for who reads where."""

    def db_for_read(self, model, **hints):
        reads = _current.get()
        if reads is None or not reads.may_lag or reads.wrote or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        if reads.target is None:
            reads.target = choose()
        return reads.target

    def db_for_write(self, model, **hints):
        reads = _current.get()
        if reads is not None:
            reads.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: an object read from one may point at one from the other.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def may_lag(request):
    """Whether this request may read a replica: an anonymous read that follows no recent write of its own."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and STICKY_COOKIE not in request.COOKIES
    )


class ReplicaMiddleware:
    """Tell the router about the current request, and keep a browser on the primary for a while after it wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads(may_lag=may_lag(request))
        token = _current.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if reads.wrote:
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=settings.REPLICA_STICKY_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


@contextlib.contextmanager
def position_fence():
    """Record the primary's position before the page cache's generation moves, one writer at a time.

    Writers take the same advisory lock, read the position after their commit and store it
    before their new generation, so the stored position only grows and every reader that sees
    a generation also sees a position that covers it. If the primary cannot say, the stored
    position is dropped: the next reader asks the primary for a new one.
    """
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(transaction.atomic(using=PRIMARY))
            with connections[PRIMARY].cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FENCE_LOCK])
            recorded = primary_position()
        except DatabaseError as error:
            logger.warning("Could not record the primary's position (%s); readers will ask for it", error)
            with contextlib.suppress(DatabaseError):
                held.close()
            recorded = None
        with contextlib.suppress(pagecache.CacheUnavailable):  # no page is cached while the cache is down
            if recorded is None:
                pagecache.cache_call("delete", POSITION_KEY)
            else:
                pagecache.cache_call("set", POSITION_KEY, recorded, None)
        yield
