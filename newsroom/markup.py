"""Building reader markup in Python, for the tags that print one fragment per story on list pages."""

import html

from django.utils.functional import Promise


def escape(value):
    """conditional_escape(value) as plain text, without its per-call wrappers.

    django.utils.html.conditional_escape() goes through keep_lazy and SafeString on
    every call; a list page calls it a few hundred times, so fragments built here
    escape with this and mark only the finished fragment safe.
    """
    if isinstance(value, Promise):
        value = str(value)
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))
