"""A whole-page cache for what anonymous readers see.

Reader pages are the same for every anonymous visitor, so the rendered page
is kept in the cache (Redis in production) and served without touching the
database. Two rules keep it truthful:

- Any change to content (an article saved or moved through the workflow, a
  byline, tag, section, reporter, organisation or event) starts a new
  *generation*; every page cached before it is ignored from then on.
- No page is kept past the moment the next scheduled article goes live, so a
  scheduled story appears on time — no cron, no purge job.

Logged-in users (anyone with a session cookie) always get a fresh page, and a
response that sets a cookie or is not a 200 is never stored. Saves that go
around the ORM's signals (`QuerySet.update()`, raw SQL) are covered only by
`PAGE_CACHE_SECONDS`.
"""

import functools
import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

GENERATION_KEY = "pagecache:generation"
logger = logging.getLogger(__name__)

# Sent once (across processes sharing the cache) when the first reader request after a scheduled
# publication notices that its moment `at` has come; `at` is the earliest such moment. Apps that
# tell the outside world of new articles (publication's IndexNow) listen; no cron is needed.
publication_due = Signal()
DUE_KEY = "pagecache:due"
DUE_MARK_SECONDS = 7 * 24 * 3600


def generation():
    """The current content generation: part of every page's cache key."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate(**kwargs):
    """Start a new generation, so every page cached until now is ignored (signal receiver too)."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


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
    raw = f"{generation()}:{get_language()}:{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def seconds_to_keep(next_change):
    """Up to PAGE_CACHE_SECONDS, and never past the next scheduled publication."""
    limit = settings.PAGE_CACHE_SECONDS
    if next_change is not None:
        limit = min(limit, math.floor((next_change - timezone.now()).total_seconds()))
    return limit


def next_change():
    """When the next scheduled article goes live (or None), worked out once per generation."""
    from articles.models import Article  # articles imports this module for its views

    key = f"pagecache:next:{generation()}"
    stored = cache.get(key)
    if stored is None or (stored[0] is not None and stored[0] <= timezone.now()):
        stored = (Article.objects.next_publication(),)
        cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
    notice_due(stored[0])
    return stored[0]


def expect_publication(at):
    """Remember a scheduled moment, so the first reader request after it sends `publication_due`."""
    due = cache.get(DUE_KEY)
    if due is None or due <= timezone.now() or at < due:
        cache.set(DUE_KEY, at, None)


def notice_due(upcoming):
    """Send `publication_due` once when the remembered moment has passed; then remember the next one."""
    due = cache.get(DUE_KEY)
    if due is not None and due <= timezone.now() and cache.add(f"{DUE_KEY}:{due.isoformat()}", 1, DUE_MARK_SECONDS):
        for receiver, error in publication_due.send_robust(sender=next_change, at=due):
            if isinstance(error, Exception):
                logger.error("publication_due receiver %r failed", receiver, exc_info=error)
    if upcoming is not None:
        expect_publication(upcoming)


def reader_page(view):
    """Serve this view from the page cache to anonymous readers."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        keep = seconds_to_keep(next_change())
        if response.status_code == 200 and not response.cookies and not response.streaming and keep >= 1:
            cache.set(key, (response.content, response["Content-Type"]), keep)
        return response

    return wrapper
