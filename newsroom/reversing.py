"""URLs of the site's own objects without walking Django's resolver each time.

A reader page links to dozens of articles, sections, reporters and photo
renditions, and ``django.urls.reverse()`` costs tens of microseconds each
(namespace walk, every candidate pattern, a regular-expression check of the
result): on a list page that was a tenth of the render. ``reverse()`` here
asks Django once per URL name, language, script prefix and URLconf for the
address with placeholder values, keeps the literal parts, and afterwards
only converts, checks and quotes each value the way Django does. Anything
it cannot prove equal to Django's answer (a value its converter refuses, a
pattern it cannot read) goes to Django's ``reverse()``, so the result and
the errors are always Django's. The addresses themselves are kept too, by
name, values and context (4,096 of them per process): a reader page links to
the same sections, reporters, tags and recent stories as the page before it.

Reading the language, the script prefix and the URLconf costs about half of
each call (three of Django's context-local variables); inside ``pinned()``,
code that prints many links at once (a list, a story, the front page) reads
them once for the whole block.
"""

import contextlib
import contextvars
import functools
import re
from urllib.parse import quote, unquote

from django.urls import get_resolver, get_script_prefix, get_urlconf, resolve
from django.urls import reverse as django_reverse
from django.urls.converters import get_converters
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language

# Characters Django leaves unquoted in a reversed path (the `pchar` of RFC 3986).
SAFE = RFC3986_SUBDELIMS + "/~:@"
# "<int:pk>" or "<slug>" in a path() route.
ROUTE_PART = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# Placeholder values: digits, which every converter the site uses (int, str, slug, uslug, path) accepts.
SENTINEL = "90817263540{}"
# Values whose address is kept (_address()): a str or an int equal to another converts the same way (not
# so True and 1, or a str subclass with a __str__ of its own).
CACHED_TYPES = (str, int)


# (language, script prefix, resolver) while a pinned() block runs; None outside one.
_PINNED = contextvars.ContextVar("newsroom_reversing_pinned", default=None)


def _context():
    """What a reversed URL depends on besides its arguments."""
    return get_language(), get_script_prefix(), get_resolver(get_urlconf())


@contextlib.contextmanager
def _pin(read):
    # read() runs on entering the block, also when the block is a decorator (which enters it on every call).
    token = _PINNED.set(read())
    try:
        yield
    finally:
        _PINNED.reset(token)


def pinned():
    """reverse() in this block uses the language, script prefix and URLconf of the block's start.

    Only for code that switches none of them while it runs: markup builders, not views.
    """
    return _pin(_context)


def unpinned():
    """reverse() in this block reads the language, script prefix and URLconf again: for code that switches
    one of them (translation.override) and may be called from inside a pinned() block."""
    return _pin(lambda: None)


def reverse(viewname, kwargs):
    """django.urls.reverse(viewname, kwargs=kwargs), the same string, mostly without the resolver."""
    context, names, values = _PINNED.get() or _context(), tuple(kwargs), tuple(kwargs.values())
    if all(type(value) in CACHED_TYPES for value in values):
        url = _address(viewname, names, values, *context)
    else:
        url = _fill(_template(viewname, names, *context), kwargs)
    return url if url is not None else django_reverse(viewname, kwargs=kwargs)


@functools.lru_cache(maxsize=4096)
def _address(viewname, names, values, language, script_prefix, resolver):
    """_fill()'s answer for these values in this context. The same sections, reporters, tags and front-page
    stories are linked from page after page, and converting and quoting a Korean slug is most of the work."""
    template = _template(viewname, names, language, script_prefix, resolver)
    return _fill(template, dict(zip(names, values, strict=True)))


def _fill(template, kwargs):
    """The address of the values in a _template(), or None where Django must answer (and raise if it refuses)."""
    if template is None:
        return None
    literals, slots = template
    parts = [literals[0]]
    for (name, converter, regex), literal in zip(slots, literals[1:], strict=True):
        try:
            text = converter.to_url(kwargs[name])
        except ValueError:
            return None  # Django raises NoReverseMatch
        if not isinstance(text, str) or not regex.fullmatch(text):
            return None
        parts += (quote(text, safe=SAFE), literal)
    url = "".join(parts)
    return url if not url.startswith("//") else None


@functools.lru_cache(maxsize=256)
def _template(viewname, names, language, script_prefix, resolver):
    """(literal parts, [(name, converter, compiled regex)] in URL order), or None to always ask Django.

    The arguments after `names` key the cache, and the template is worked out in them whatever is active
    (so a block pinned to one language cannot file another language's address under it): the language
    (i18n_patterns' /en/), the script prefix and the resolver (a new one whenever ROOT_URLCONF changes).
    """
    sentinels = {name: SENTINEL.format(index) for index, name in enumerate(names)}
    with translation.override(language):
        try:
            path = django_reverse(viewname, kwargs=sentinels, urlconf=resolver.urlconf_name)[len(get_script_prefix()) :]
            match = resolve("/" + unquote(path), urlconf=resolver.urlconf_name)
        except Exception:
            return None
    url = script_prefix + path
    route_converters = {part["name"]: part["converter"] or "str" for part in ROUTE_PART.finditer(match.route)}
    known = get_converters()
    if set(match.kwargs) != set(names) or set(route_converters) != set(names):
        return None
    positions = sorted((url.find(sentinel), name) for name, sentinel in sentinels.items())
    if any(url.count(sentinels[name]) != 1 for name in names):
        return None
    literals, slots, start = [], [], 0
    for position, name in positions:
        literals.append(url[start:position])
        converter = known.get(route_converters[name])
        if converter is None:
            return None
        slots.append((name, converter, re.compile(converter.regex)))
        start = position + len(sentinels[name])
    literals.append(url[start:])
    return literals, slots
