"""Length as Korean desks count it: characters, words and 원고지 매수.

원고지 매수 counts how many 200-character manuscript sheets (20 squares a line,
10 lines a sheet) the body would fill if copied out by hand:

- every character, space and punctuation mark takes one square;
- each paragraph (and each line after a line break) starts on a new line,
  its first square left empty for the indent;
- the squares left at the end of a paragraph's last line stay empty;
- runs of spaces count as one, as readers see them.

So sheets = lines ÷ 10, shown to one decimal (0.1 sheet is one line). The
admin's live count under the editor (static/articles/desk.js) follows the same
rules; a browser test checks that both agree.
"""

import html
import math
import re

from django.utils.html import strip_tags

SHEET_COLUMNS = 20
SHEET_LINES = 10
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|tr|td|th)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)
SPACES = re.compile(r"\s+")


def text_lines(body):
    """The body's paragraphs (and broken lines) as plain text, spaces collapsed, empty ones left out."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", body or "")))
    return [line for line in (SPACES.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def count(body):
    """{'characters', 'characters_no_spaces', 'words', 'lines', 'sheets'} for an article body."""
    lines = text_lines(body)
    manuscript_lines = sum(math.ceil((1 + len(line)) / SHEET_COLUMNS) for line in lines)
    return {
        "characters": sum(len(line) for line in lines),
        "characters_no_spaces": sum(len(line.replace(" ", "")) for line in lines),
        "words": sum(len(line.split(" ")) for line in lines),
        "lines": manuscript_lines,
        "sheets": manuscript_lines / SHEET_LINES,
    }


def sheets(body):
    """원고지 매수 of an article body, e.g. 2.3."""
    return count(body)["sheets"]
