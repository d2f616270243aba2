"""Who the site is: the paper's name and details, as the `publication` app keeps them.

`newsroom` imports no app (STYLE.md), yet its admin header, feeds and page
cache need the paper's name. The `publication` app registers its cached
accessor here in `AppConfig.ready()`; without it (a project that leaves the
app out) the name falls back to `settings.SITE_NAME`.
"""

from django.conf import settings
from django.utils.functional import lazy

_provider = None


def register(provider):
    """Set the callable that returns the current site settings (an object with `.name`)."""
    global _provider
    _provider = provider


def current():
    """The current site settings object, or None when no app provides one."""
    return _provider() if _provider else None


def site_name():
    """The paper's name (제호) as readers see it."""
    record = current()
    return str(record.name if record is not None and record.name else settings.SITE_NAME)


# For places read once at import time but shown on every request, such as the admin's header.
site_name_lazy = lazy(site_name, str)
