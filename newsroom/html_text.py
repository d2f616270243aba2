"""Plain text from stored HTML, for meta descriptions, feeds and JSON-LD."""

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

WHITESPACE = re.compile(r"\s+")


def plain_text(value, length=None):
    """Tags removed and entities decoded once (`R&amp;D` → `R&D`), whitespace collapsed, optionally shortened.

    The result is text, not HTML: templates escape it exactly once when they print it.
    """
    text = WHITESPACE.sub(" ", html.unescape(strip_tags(str(value or "")))).strip()
    return Truncator(text).chars(length) if length else text
