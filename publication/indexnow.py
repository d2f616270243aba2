"""Tell search engines (Naver, Bing and others through IndexNow) at once when an article's page changes.

An announcement follows the transaction that made the change (`on_commit`),
runs in a background thread, and never raises into the editor's request: a
slow or broken endpoint costs the editor nothing. Each attempt leaves an
`IndexNowLog` row the desk reads in the admin. Only what `published()` shows
is announced as published or corrected; a withdrawal announces the address
that now answers 404, which is how IndexNow learns of removals. A scheduled
article is announced when it goes live: the page cache notices the moment on
the first reader request after it (`newsroom.pagecache.publication_due`).
"""

import json
import logging
import threading
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from articles.models import Article
from articles.models.workflow import SCHEDULED, ArticleStatus
from newsroom import pagecache
from publication.models import IndexNowLog, SiteSettings

logger = logging.getLogger(__name__)
Reason = IndexNowLog.Reason

# Threads started and not yet finished; tests wait on them.
running = set()


def on_transition(sender, instance, created, **kwargs):
    """Signal receiver: a workflow step was recorded for an article."""
    if not created:
        return
    if instance.to_state == ArticleStatus.PUBLISHED:
        schedule(instance.article_id, Reason.PUBLISHED)
    elif instance.to_state == SCHEDULED and instance.published_at:
        # Announced when the moment comes: the first reader request after it tells us (no cron).
        transaction.on_commit(lambda: pagecache.expect_publication(instance.published_at))
    elif instance.to_state == ArticleStatus.UNPUBLISHED and instance.from_state == ArticleStatus.PUBLISHED:
        schedule(instance.article_id, Reason.WITHDRAWN)


def on_correction(sender, instance, created, **kwargs):
    """Signal receiver: a correction note was attached to an article."""
    if created:
        schedule(instance.article_id, Reason.CORRECTED)


def on_publication_due(sender, at, **kwargs):
    """Signal receiver (newsroom.pagecache): scheduled articles went live at `at` or since."""
    if SiteSettings.current().indexnow_active:
        transaction.on_commit(lambda: start(announce_due, at))


def schedule(article_id, reason):
    """After the transaction commits, announce in the background (when IndexNow is switched on)."""
    if SiteSettings.current().indexnow_active:
        transaction.on_commit(lambda: start(announce, article_id, reason))


def start(work, *args):
    thread = threading.Thread(target=run_safely, args=(work, *args), daemon=True, name="indexnow")
    running.add(thread)
    thread.start()
    return thread


def run_safely(work, *args):
    try:
        work(*args)
    except Exception:  # a background thread has nobody to raise to; the log says what happened
        logger.exception("IndexNow: %s%r failed", work.__name__, args)
    finally:
        connection.close()  # this thread's own database connection
        running.discard(threading.current_thread())


def announce(article_id, reason):
    """Post the article's URL to the IndexNow endpoint and log the answer; None when there is nothing to say."""
    close_old_connections()
    site = SiteSettings.objects.filter(pk=1).first()  # fresh, not cached: the desk may have just switched it off
    if site is None or not site.indexnow_active:
        return None
    articles = Article.objects.only("pk", "slug")
    if reason != Reason.WITHDRAWN:
        articles = articles.published()  # a scheduled or withdrawn article is never announced as live
    elif articles.published().filter(pk=article_id).exists():
        return None  # put back before we got here
    article = articles.filter(pk=article_id).first()
    if article is None:
        return None
    base = site.site_url.rstrip("/")
    url = base + article.get_absolute_url()
    status, text = post(site, base, [url])
    return IndexNowLog.objects.create(article_id=article_id, url=url, reason=reason, status_code=status, response=text)


def announce_due(since):
    """Announce the articles that went live on schedule since `since`, unless already announced."""
    close_old_connections()
    due = Article.objects.published().filter(published_at__gte=since, published_at__lte=timezone.now())
    for pk, published_at in due.values_list("pk", "published_at"):
        done = IndexNowLog.objects.filter(article_id=pk, reason=Reason.PUBLISHED, at__gte=published_at)
        if not done.exists():  # published on the spot (not scheduled): the transition announced it already
            announce(pk, Reason.PUBLISHED)


def post(site, base, urls):
    """(status code or None, response text or error) for one IndexNow request."""
    payload = {
        "host": urlsplit(base).hostname,
        "key": site.indexnow_key,
        "keyLocation": f"{base}/{site.indexnow_key}.txt",
        "urlList": urls,
    }
    request = urllib.request.Request(  # noqa: S310 - the endpoint is a setting, https in production
        settings.INDEXNOW_ENDPOINT,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.INDEXNOW_TIMEOUT) as response:  # noqa: S310
            return response.status, response.read(2000).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(2000).decode("utf-8", "replace")
    except (urllib.error.URLError, OSError) as error:
        return None, str(error)[:2000]
