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


PAGE_CACHE_MIDDLEWARE = "newsroom.pagecache.PageCacheMiddleware"
# What must run outside the page cache (so every hit gets it fresh, and stored pages do not keep it) and
# what must run inside it (so a hit skips it, and a cookie it sets stops the page from being stored).
PAGE_CACHE_OUTSIDE = (
    "newsroom.proxycache.SharedCacheMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
)
PAGE_CACHE_INSIDE = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
)


@register
def page_cache_middleware_in_place(app_configs, **kwargs):
    """@reader_page only marks a view: PageCacheMiddleware serves and stores the pages, and tells
    SharedCacheMiddleware which answers are reader pages; where it sits decides what a hit skips."""
    middleware = settings.MIDDLEWARE
    hint = "Put it after WhiteNoiseMiddleware and before SessionMiddleware, as newsroom/settings.py does."
    if PAGE_CACHE_MIDDLEWARE not in middleware:
        missing = f"{PAGE_CACHE_MIDDLEWARE} is missing: no reader page is cached."
        return [Warning(missing, hint=hint, id="newsroom.W003")]
    place = middleware.index(PAGE_CACHE_MIDDLEWARE)
    misplaced = [m for m in PAGE_CACHE_OUTSIDE if m in middleware[place:]]
    misplaced += [m for m in PAGE_CACHE_INSIDE if m in middleware[:place]]
    return [
        Warning(
            f"{PAGE_CACHE_MIDDLEWARE} is on the wrong side of {name}.",
            hint=hint,
            id="newsroom.W004",
        )
        for name in misplaced
    ]
