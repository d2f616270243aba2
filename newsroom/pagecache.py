"""A whole-page cache for what anonymous readers see.

Reader pages are the same for every anonymous visitor, so the rendered page
is kept in the cache (Redis in production) and served without touching the
database. Rules that keep it truthful and fast:

- Any change a reader can see (an article that is or was live, a workflow
  transition, a byline, tag, section, reporter, organisation or event) starts
  a new *generation*: at once, and again when the saving transaction commits,
  so a reader who rendered the old page in between cannot keep it. Saves no
  reader can see (a draft's text, its revisions) leave the cache alone; apps
  say which with ``quiet_when()``.
- No page is kept past the moment the next scheduled article goes live, so a
  scheduled story appears on time — no cron, no purge job. Apps name the
  source of that moment with ``set_next_change_source()``.
- A hit costs one cache round trip: the page is stored under its address with
  the generation it was made in, and both are read with one ``get_many``. Each
  process also keeps the pages it served (``PAGE_CACHE_LOCAL_BYTES``) and the
  generation it last read, trusting both for ``PAGE_CACHE_LOCAL_SECONDS`` (1 s):
  a hit within that second costs no round trip at all. A change made in this
  process ends its own copies at once; another process notices within that second
  (a shared proxy in front keeps pages for ``SHARED_CACHE_SECONDS`` anyway).
- A hit is answered by ``PageCacheMiddleware`` before URL resolution and the
  middleware that is about users (sessions, language, CSRF, authentication), which
  costs more than the lookup; the page is stored with the headers that middleware
  gave it, so a hit carries them too. Views say they are reader pages with
  ``@reader_page``.
- Outages: with the cache down, pages render from the database (logged); with
  the database down, the last copy of a page is served even if stale, and
  otherwise ``newsroom.middleware.DatabaseOutageMiddleware`` answers 503.

Logged-in users (anyone with a session cookie) always get a fresh page, and a
response that sets a cookie (the CSRF and session middleware's included), is
not a 200 or says ``Cache-Control: no-store`` or ``private`` is never stored.
Saves that go around the ORM's signals (`QuerySet.update()`, raw SQL) are
covered only by `PAGE_CACHE_SECONDS`.
"""

import collections
import contextlib
import functools
import hashlib
import logging
import math
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Sent once (across processes sharing the cache) when the first reader request after a scheduled
# publication notices that its moment `at` has come; `at` is the earliest such moment. Apps that
# tell the outside world of new articles (publication's IndexNow) listen; no cron is needed.
publication_due = Signal()
DUE_KEY = "pagecache:due"
DUE_MARK_SECONDS = 7 * 24 * 3600
# What a database that is down or went away raises (InterfaceError is not a DatabaseError).
DATABASE_FAILURES = (DatabaseError, InterfaceError)
# After a cache error, skip the cache for this long instead of paying a failed round trip per request.
CACHE_RETRY_SECONDS = 5

_quiet = {}
_next_change_source = None
_bump_fence = contextlib.nullcontext
_cache_down_until = 0.0


class CacheUnavailable(Exception):
    """The cache backend did not answer; the caller renders without it."""


def _cache_call(method, *args, **kwargs):
    """Call the cache, turning a backend failure into CacheUnavailable and a short pause in using it."""
    global _cache_down_until
    if time.monotonic() < _cache_down_until:
        raise CacheUnavailable
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as error:  # every backend has its own connection errors (redis, memcached, ...)
        _cache_down_until = time.monotonic() + CACHE_RETRY_SECONDS
        logger.warning("Page cache unavailable (%s): rendering from the database", error)
        raise CacheUnavailable from error


# For other shared-cache users (the replica router): same failure handling, same pause.
cache_call = _cache_call


def cache_get(key, default=None):
    """A shared-cache read that answers `default` while the cache is down (for the site's other cached records)."""
    try:
        value = _cache_call("get", key)
    except CacheUnavailable:
        return default
    return default if value is None else value


def cache_set(key, value, seconds):
    """A shared-cache write that does nothing while the cache is down (nothing can be served from it then)."""
    with contextlib.suppress(CacheUnavailable):
        _cache_call("set", key, value, seconds)


def cache_delete(key):
    with contextlib.suppress(CacheUnavailable):
        _cache_call("delete", key)


def generation():
    """The current content generation (None when the cache is down): part of what every stored page remembers."""
    try:
        value = _cache_call("get", GENERATION_KEY)
        if value is None:
            _cache_call("add", GENERATION_KEY, time.time_ns(), None)
            value = _cache_call("get", GENERATION_KEY)
    except CacheUnavailable:
        return None
    return value


def bump():
    """Start a new generation now, so every page cached until now is ignored."""
    forget_local()
    # Nothing can be served from a cache that is down; PAGE_CACHE_SECONDS bounds the rest.
    cache_set(GENERATION_KEY, time.time_ns(), None)


class LocalCopies:
    """This process's copies of pages (least recently used first), the generation they belong to and
    until when that generation is trusted without asking the shared cache. Safe across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pages = collections.OrderedDict()
        self.size = 0
        self.generation, self.until, self.forgotten_at = None, 0.0, 0.0

    def forget(self):
        with self.lock:
            self.pages.clear()
            self.size = 0
            self.generation, self.until, self.forgotten_at = None, 0.0, time.monotonic()

    def hold(self, current, read_at):
        """Trust `current` (read from the shared cache at `read_at`) for PAGE_CACHE_LOCAL_SECONDS."""
        with self.lock:
            if read_at <= self.forgotten_at:
                return  # read before a bump in this process: it may be the generation that bump ended
            if current != self.generation:
                self.pages.clear()
                self.size = 0
            self.generation, self.until = current, read_at + settings.PAGE_CACHE_LOCAL_SECONDS

    def held(self):
        """The generation while it is trusted, else None."""
        with self.lock:
            return self.generation if time.monotonic() < self.until else None

    def get(self, key):
        """(generation, page) while the generation is trusted and the page is kept, else (None, None)."""
        with self.lock:
            page = self.pages.get(key) if time.monotonic() < self.until else None
            if page is None:
                return None, None
            self.pages.move_to_end(key)
            return self.generation, page

    def keep(self, key, page):
        size, limit = len(page["content"]), settings.PAGE_CACHE_LOCAL_BYTES
        if settings.PAGE_CACHE_LOCAL_SECONDS <= 0 or size > limit:
            return
        with self.lock:
            if page["generation"] != self.generation:
                return
            replaced = self.pages.pop(key, None)
            self.size += size - (len(replaced["content"]) if replaced else 0)
            self.pages[key] = page
            while self.size > limit:
                _, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped["content"])


local_copies = LocalCopies()


class LocalValues:
    """This process's copies of what remember(..., local=True) keeps (markup every page shows), for the
    generation they were made in only. Safe across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation, self.values = None, {}

    def forget(self):
        with self.lock:
            self.generation, self.values = None, {}

    def get(self, key):
        """The value kept for `key` (its generation is part of it) and still within its seconds, or None."""
        with self.lock:
            value, until = self.values.get(key, (None, 0.0))
            return value if time.monotonic() < until else None

    def keep(self, current, key, value, seconds):
        """Keep the value of generation `current`; a new generation drops the old one's values."""
        with self.lock:
            if current != self.generation:
                self.generation, self.values = current, {}
            self.values[key] = (value, time.monotonic() + seconds)


local_values = LocalValues()


def forget_local():
    """Drop this process's copies and the generation it holds: the next lookup asks the shared cache."""
    local_copies.forget()
    local_values.forget()


def held_generation():
    """The generation this process read within the last PAGE_CACHE_LOCAL_SECONDS, else generation() read
    now (and held): for the markup every rendered page shows, which may lag a change made in another
    process by that second, as a cached page may."""
    current = local_copies.held()
    if current is not None:
        return current
    read_at = time.monotonic()
    current = generation()
    if current is not None:
        local_copies.hold(current, read_at)
    return current


def bump_after_commit():
    """The after-commit bump, inside the fence that others (the replica router) set around it."""
    with _bump_fence():
        bump()


def set_bump_fence(fence):
    """Name a context manager that every after-commit bump runs inside."""
    global _bump_fence
    _bump_fence = fence


def invalidate(sender=None, instance=None, using=None, **kwargs):
    """Signal receiver: a new generation at once and again after commit, unless no reader can see the change."""
    quiet = _quiet.get(type(instance))
    if quiet is not None and quiet(instance):
        return
    bump()
    transaction.on_commit(bump_after_commit, using=using or "default", robust=True)


def quiet_when(model, predicate):
    """Leave the cache alone when an instance of model is saved and predicate(instance) says no reader sees it."""
    _quiet[model] = predicate


def set_next_change_source(source):
    """Name the function that says when the next scheduled publication happens (or None)."""
    global _next_change_source
    _next_change_source = source


def connect(models):
    """Invalidate whenever any of these models is saved, deleted or has its many-to-many links changed."""
    for model in models:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(invalidate, sender=model, dispatch_uid=uid + ":save", weak=False)
        post_delete.connect(invalidate, sender=model, dispatch_uid=uid + ":delete", weak=False)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(invalidate, sender=through, dispatch_uid=uid + f":{field.name}", weak=False)


def cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def page_key(request):
    """The page's key: its absolute address. The path names the language (a reader's is the address's:
    /en/ or none), scheme and host are in the page (canonical links), and reading the host checks it
    against ALLOWED_HOSTS, as CommonMiddleware would below. The version part retires pages stored
    before they kept their headers."""
    return "pagecache:page:v3:" + hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()


def seconds_to_keep(next_change):
    """Up to PAGE_CACHE_SECONDS, and never past the next scheduled publication."""
    limit = settings.PAGE_CACHE_SECONDS
    if next_change is not None:
        limit = min(limit, math.floor((next_change - timezone.now()).total_seconds()))
    return limit


def remember(name, compute, seconds, still_good=lambda value: True, current=None, local=False):
    """compute(), kept in the cache for this generation; computed every time while the cache is down.

    `current` is the generation when the caller has just read it (several fragments of one page). With
    local=True the process keeps a copy too, for as long (or until the generation changes), and a
    page that reads it costs no round trip: only for values no caller changes (markup strings).
    """
    current = current if current is not None else generation()
    if current is None:
        return compute()
    key = f"pagecache:{name}:{current}"
    if local and (kept := local_values.get(key)) is not None:
        return kept[0]
    try:
        stored = _cache_call("get", key)
    except CacheUnavailable:
        return compute()
    if stored is None or not still_good(stored[0]):
        stored = (compute(),)  # a tuple, so a computed None is remembered too
        cache_set(key, stored, seconds)
    if local:
        local_values.keep(current, key, stored, seconds)
    return stored[0]


def next_change():
    """When the next scheduled article goes live (or None), worked out once per generation."""
    if _next_change_source is None:
        return None
    upcoming = remember(
        "next",
        _next_change_source,
        settings.PAGE_CACHE_SECONDS,
        still_good=lambda at: at is None or at > timezone.now(),
    )
    with contextlib.suppress(CacheUnavailable):  # then announced by the first request after the cache is back
        notice_due(upcoming)
    return upcoming


def expect_publication(at):
    """Remember a scheduled moment, so the first reader request after it sends `publication_due`."""
    with contextlib.suppress(CacheUnavailable):
        due = _cache_call("get", DUE_KEY)
        if due is None or due <= timezone.now() or at < due:
            _cache_call("set", DUE_KEY, at, None)


def notice_due(upcoming):
    """Send `publication_due` once when the remembered moment has passed; then remember the next one."""
    due = _cache_call("get", DUE_KEY)
    if (
        due is not None
        and due <= timezone.now()
        and _cache_call("add", f"{DUE_KEY}:{due.isoformat()}", 1, DUE_MARK_SECONDS)
    ):
        for receiver, error in publication_due.send_robust(sender=next_change, at=due):
            if isinstance(error, Exception):
                logger.error("publication_due receiver %r failed", receiver, exc_info=error)
    if upcoming is not None:
        expect_publication(upcoming)


def stored_response(stored, state):
    """The stored page as a response: its content and the headers it left the view's middleware with."""
    response = HttpResponse(stored["content"], headers=stored["headers"])
    response["X-Page-Cache"] = state
    return response


def fresh(stored, current):
    return stored is not None and stored["generation"] == current and stored["fresh_until"] > time.time()


def lookup(key):
    """(current generation, stored page or None): from this process within a second of the last
    check, else in one cache round trip; (None, None) with the cache down."""
    current, page = local_copies.get(key)
    if page is not None:
        return current, page
    read_at = time.monotonic()
    try:
        found = _cache_call("get_many", [GENERATION_KEY, key])
    except CacheUnavailable:
        return None, None
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    if current is not None:
        local_copies.hold(current, read_at)
    page = found.get(key)
    if page is not None:
        local_copies.keep(key, page)
    return current, page


def store(key, response, current_generation):
    """Keep the page: fresh for its time, and as a stale copy for a database outage."""
    control = response.get("Cache-Control", "")
    refused = response.status_code != 200 or "no-store" in control or "private" in control
    if refused or response.cookies or response.streaming:
        return  # a 503 from a database outage among them: working out `keep` would need the database
    try:
        keep = seconds_to_keep(next_change())
    except DATABASE_FAILURES:  # the database failed after the page was made: answer it, keep nothing
        logger.warning("Database unavailable: not keeping %s", key)
        return
    if keep < 1:
        return
    page = {
        "generation": current_generation,
        "fresh_until": time.time() + keep,
        "content": response.content,
        "headers": dict(response.headers),
    }
    cache_set(key, page, max(keep, settings.PAGE_CACHE_STALE_SECONDS))
    local_copies.keep(key, page)


class PageCacheMiddleware:
    """Answer an anonymous reader's request from the page cache before URL resolution and the
    middleware below it (sessions, language, CSRF, authentication), and keep what reader pages
    answer, with the headers that middleware gave them.

    It sits below the middleware every answer needs (security headers, the shared-cache marks,
    ETags, the Content-Security-Policy, request hygiene) and above everything that is about a user
    (``newsroom.checks`` says so when it does not). A page is a reader page when its view is
    decorated with ``@reader_page``; only such pages are stored. An address found to lead to
    another view (a photo, a captcha, the admin's login) is remembered in the process and not
    looked up again, up to OTHER_VIEWS addresses at a time.
    """

    OTHER_VIEWS = 4096

    def __init__(self, get_response):
        self.get_response = get_response
        self.other_views = set()  # paths whose view is not a reader page: no lookup for them

    def __call__(self, request):
        if not cacheable(request) or request.path_info in self.other_views:
            return self.get_response(request)
        key = page_key(request)
        current, stored = lookup(key)
        if current is None:  # the cache is down: render from the database
            return self.get_response(request)
        if fresh(stored, current):
            request.reader_page = True
            return stored_response(stored, "hit")
        request.stale_copy = stored  # for reader_page, should the database fail
        response = self.get_response(request)
        is_reader_page = getattr(request, "reader_page", None)  # None: no view was reached (a 404, a redirect)
        if is_reader_page and not response.has_header("X-Page-Cache"):
            store(key, response, current)
        elif is_reader_page is False:
            if len(self.other_views) >= self.OTHER_VIEWS:
                self.other_views.clear()
            self.other_views.add(request.path_info)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Say whether the view is a reader page (newsroom.proxycache reads it too)."""
        request.reader_page = getattr(view_func, "reader_page", False)


def reader_page(view):
    """Serve this view from the page cache to anonymous readers (PageCacheMiddleware does the
    serving and the storing); with the database down, answer with the stale copy if there is one."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        stale = getattr(request, "stale_copy", None)
        if stale is None:
            return view(request, *args, **kwargs)
        try:
            return view(request, *args, **kwargs)
        except DATABASE_FAILURES:
            logger.warning("Database unavailable: serving a stale copy of %s", request.path)
            return stored_response(stale, "stale")

    wrapper.reader_page = True
    return wrapper
