"""Who is knocking: the address that login throttling counts (django-axes)."""

from django.conf import settings


def client_ip(request):
    """The reader's address; behind our proxy, the one it appended to X-Forwarded-For.

    Only the last entry is the proxy's own word: anything before it was sent by the client and
    could be forged to dodge the per-address lock.
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")
