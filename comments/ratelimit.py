"""Who is posting, and how often: per-address counters kept in the cache."""

import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request):
    """The reader's IP address, or None if it cannot be told.

    Without proxies (COMMENTS_TRUSTED_PROXIES = 0) it is the connection's address: an X-Forwarded-For
    header could be typed by anyone. With N proxies in front, each appending the address it was reached
    from, the N-th entry from the right is the one the outermost trusted proxy saw.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.COMMENTS_TRUSTED_PROXIES
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        address = forwarded[-proxies] if len(forwarded) >= proxies else address
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def post_limits():
    """(seconds, how many) pairs a reader's posts must stay within."""
    return [(60, settings.COMMENTS_RATE_PER_MINUTE), (3600, settings.COMMENTS_RATE_PER_HOUR)]


def challenge_limits():
    """Challenges cost a database row each, so fetching them is limited too, more loosely than posting."""
    return [(60, 6 * settings.COMMENTS_RATE_PER_MINUTE), (3600, 6 * settings.COMMENTS_RATE_PER_HOUR)]


def over_limit(address, limits, scope):
    """Count one more attempt from this address; True when it goes past any of the limits (or cannot be counted)."""
    try:
        return count_attempt(address, limits, scope)
    except Exception:  # the cache backend's own connection errors
        # Blind to the rate, refuse rather than let a flood through; the page itself still works.
        logger.warning("Comment rate limit unavailable (cache down): refusing the attempt", exc_info=True)
        return True


def count_attempt(address, limits, scope):
    now = int(time.time())
    exceeded = False
    for seconds, allowed in limits:
        key = f"comments:rate:{scope}:{seconds}:{address}:{now // seconds}"
        cache.add(key, 0, seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.set(key, 1, seconds)
            count = 1
        exceeded = exceeded or count > allowed
    return exceeded
