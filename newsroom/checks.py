"""System checks for settings that work alone but fail together."""

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(deploy=True)
def shared_cache_for_several_workers(app_configs, **kwargs):
    """Several workers with per-process caches disagree: one shows a scheduled story, another does not."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or settings.WEB_CONCURRENCY <= 1 or backend not in LOCAL_CACHES:
        return []
    return [
        Warning(
            f"WEB_CONCURRENCY={settings.WEB_CONCURRENCY} workers with a per-process cache ({backend}).",
            hint="Set REDIS_URL so every worker shares one page cache and one generation of content.",
            id="newsroom.W001",
        )
    ]


@register(deploy=True)
def shared_cache_for_a_read_replica(app_configs, **kwargs):
    """The replica router learns where the primary is from the shared cache (newsroom/dbrouter.py)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or "replica" not in settings.DATABASES or backend not in LOCAL_CACHES:
        return []
    return [
        Warning(
            f"DATABASE_REPLICA_URL with a per-process cache ({backend}).",
            hint="Set REDIS_URL: a change made in one process (the admin, a script) must tell every other "
            "process how far the replica has to be before readers may read it.",
            id="newsroom.W002",
        )
    ]


@register
def page_cache_middleware_installed(app_configs, **kwargs):
    """@reader_page only marks a view: PageCacheMiddleware serves and stores the pages."""
    if settings.PAGE_CACHE_SECONDS <= 0 or "newsroom.pagecache.PageCacheMiddleware" in settings.MIDDLEWARE:
        return []
    return [
        Warning(
            f"PAGE_CACHE_SECONDS={settings.PAGE_CACHE_SECONDS} without newsroom.pagecache.PageCacheMiddleware.",
            hint="Add it to MIDDLEWARE after WhiteNoiseMiddleware and before SessionMiddleware, "
            "or no reader page is cached.",
            id="newsroom.W003",
        )
    ]
