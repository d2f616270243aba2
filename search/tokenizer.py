"""A tokenizer for Korean, Chinese, Japanese and English search on stock PostgreSQL.

No Django here: the same functions build the stored tsvector, the tsquery and
the highlighted snippets, so the three can never disagree.

Text is normalised (NFKC, lower case). Each run of CJK characters becomes
overlapping character bigrams, the way Elasticsearch's CJK analyser does it,
plus the run's last character as a unigram so that a one-character query
(``교:*``) finds every occurrence. Other words are kept whole and stemmed with
the Snowball English stemmer (the algorithm PostgreSQL's ``english`` uses).
The results are written as a tsvector literal with explicit positions and
weights, so PostgreSQL's parser and the database locale play no part.
"""

import datetime
import functools
import html
import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer

# Hangul, kana, CJK ideographs (with extensions and compatibility forms), 々 and 〆.
# The katakana middle dot (U+30FB) is left out: it separates words.
CJK_CHARS = (
    "\u1100-\u11ff\u3005\u3006\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\U00020000-\U0003134f"
)
TOKEN_RE = re.compile(rf"(?P<cjk>[{CJK_CHARS}]+)|(?P<word>[^\W_{CJK_CHARS}]+)")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ENGLISH_WORD_RE = re.compile(r"[a-z]+")

# PostgreSQL keeps positions 1..16383 and at most 256 positions per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256
# Longer "words" are base64, hashes or URLs run together: nobody searches for them.
MAX_WORD_LENGTH = 60
# Fields do not run into each other: a phrase never spans headline and deck.
FIELD_GAP = 10

_stemmer = snowballstemmer.stemmer("english")


def normalise(text):
    """NFKC, lower case, control characters (NUL included) removed."""
    return CONTROL_RE.sub(" ", unicodedata.normalize("NFKC", text or "")).lower()


@functools.lru_cache(maxsize=65536)
def stem(word):
    """English words lose their endings (cities → citi); other words stay whole."""
    # Cached: the pure-Python stemmer is slow, and an archive's vocabulary is small.
    return _stemmer.stemWord(word) if ENGLISH_WORD_RE.fullmatch(word) else word


def bigrams(run):
    """Overlapping character pairs of a CJK run; a lone character stands for itself."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokens(text):
    """(lexeme, position offset, is_tail) of already normalised text, in reading order."""
    # A run of n CJK characters takes n - 1 positions (one per bigram); its last character
    # shares the last bigram's position, so a phrase runs straight on ('삼성' <-> 'sds').
    position = 0
    for match in TOKEN_RE.finditer(text):
        if match.lastgroup == "cjk":
            pairs = bigrams(match.group())
            for pair in pairs:
                yield pair, position, False
                position += 1
            if len(pairs[0]) == 2:
                yield match.group()[-1], position - 1, True
        elif len(match.group()) <= MAX_WORD_LENGTH:
            yield stem(match.group()), position, False
            position += 1


def is_cjk_char(lexeme):
    """True for a lone CJK character, which a query treats as a prefix."""
    return len(lexeme) == 1 and TOKEN_RE.fullmatch(lexeme).lastgroup == "cjk"


def quote(lexeme):
    """A lexeme as tsvector/tsquery syntax quotes it."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(fields):
    """A tsvector literal from (weight, text) pairs, e.g. [("A", headline), ("C", body)]."""
    positions = {}
    start = 1
    for weight, text in fields:
        last = start
        for lexeme, offset, _ in tokens(normalise(text)):
            last = min(start + offset, MAX_POSITION)
            slots = positions.setdefault(lexeme, [])
            if len(slots) < MAX_POSITIONS_PER_LEXEME:
                slots.append(f"{last}{weight}")
        start = last + FIELD_GAP
    return " ".join(f"{quote(lexeme)}:{','.join(slots)}" for lexeme, slots in positions.items())


@dataclass(frozen=True)
class Term:
    """One space-separated query word: lexemes that must stand next to each other."""

    text: str
    lexemes: tuple

    def is_single_character(self):
        """One CJK character: it would match most bodies, so it is looked for in titles only."""
        return len(self.lexemes) == 1 and is_cjk_char(self.lexemes[0])

    def tsquery(self, weights="", exact=True):
        """The term as tsquery: a phrase of its lexemes, or with exact=False their plain AND."""
        # The AND form is what the GIN index answers alone, without reading a row.
        return (" <-> " if exact else " & ").join(lexeme_tsquery(lexeme, weights) for lexeme in self.lexemes)


def lexeme_tsquery(lexeme, weights=""):
    """One lexeme of a query term as tsquery: a lone CJK character matches every bigram it starts (see tokens())."""
    prefix = "*" if is_cjk_char(lexeme) else ""
    return quote(lexeme) + (f":{prefix}{weights}" if prefix or weights else "")


@dataclass(frozen=True)
class Query:
    """A parsed reader query: its terms, and whether it was cut to the length limit."""

    terms: tuple
    truncated: bool = False

    def __bool__(self):
        return bool(self.terms)

    def is_single_character(self):
        """Only one-character CJK terms: the page says they are looked for in titles only."""
        return all(term.is_single_character() for term in self.terms)

    def any_term(self, weights="", exact=True):
        """Articles with at least one term."""
        return " | ".join(f"({term.tsquery(weights, exact)})" for term in self.terms)

    def every_term(self, weights="", exact=True):
        """Articles with all the terms."""
        return " & ".join(f"({term.tsquery(weights, exact)})" for term in self.terms)


def parse_query(text, max_length=100, max_terms=10):
    """Split a reader's query into terms, each put through the indexing tokenizer.

    Query.truncated says the reader's words were not all used: the text was too
    long (also after normalising, which can lengthen it) or had too many terms.
    """
    text = normalise(text)
    truncated = len(text) > max_length
    terms = []
    for word in text[:max_length].split():
        # A run's last character is already in its last bigram: the query needs only the bigrams.
        lexemes = tuple(lexeme for lexeme, _, tail in tokens(word) if not tail)
        if lexemes and all(term.lexemes != lexemes for term in terms):
            terms.append(Term(word, lexemes))
    return Query(tuple(terms[:max_terms]), truncated or len(terms) > max_terms)


def _normalise_by_character(text):
    """normalise() one character at a time, with each output character's offset in text."""
    normal = normalise(text)
    if len(normal) == len(text) and unicodedata.is_normalized("NFKC", text):
        # The usual case (precomposed Hangul, ASCII): every character maps to one character.
        return normal, range(len(text))
    chars, origin = [], []
    for offset, char in enumerate(text):
        for normal in normalise(char):
            chars.append(normal)
            origin.append(offset)
    return "".join(chars), origin


def match_spans(text, query):
    """Sorted, merged (start, end) offsets in text of what the query matches."""
    norm, origin = _normalise_by_character(text)
    runs = {m.group() for term in query.terms for m in TOKEN_RE.finditer(term.text) if m.lastgroup == "cjk"}
    words = {lexeme for term in query.terms for lexeme in term.lexemes if not TOKEN_RE.fullmatch(lexeme)["cjk"]}
    found = []
    for run in runs:
        start = norm.find(run)
        while start != -1:
            found.append((start, start + len(run)))
            start = norm.find(run, start + 1)
    for match in TOKEN_RE.finditer(norm) if words else ():
        if match.lastgroup == "word" and stem(match.group()) in words:
            found.append(match.span())
    spans = []
    for start, end in sorted(found):
        start, end = origin[start], origin[end - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text, query, width=None):
    """Escaped HTML of text (or a window of width characters) with matches in <mark>."""
    spans = match_spans(text, query)
    start, end = 0, len(text)
    if width and len(text) > width:
        # Open a little before the first match so the reader sees what leads up to it.
        start = max(0, min(spans[0][0] - width // 4, len(text) - width)) if spans else 0
        end = start + width
    out, position = ["…" if start else ""], start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out += [html.escape(text[position:span_start]), "<mark>", html.escape(text[span_start:span_end]), "</mark>"]
        position = span_end
    out += [html.escape(text[position:end]), "…" if end < len(text) else ""]
    return "".join(out)


# A lexeme no text can produce (TOKEN_RE never yields "_"): the UTC month an article went live.
PERIOD_PREFIX = "_m"


def period_lexeme(year, month):
    """The index's mark for one month, e.g. _m202008: lets the newest hits come from the GIN index alone."""
    return f"{PERIOD_PREFIX}{year:04d}{month:02d}"


def with_period(vector, moment):
    """A tsvector literal with the month of moment (an aware datetime, read in UTC) added; None adds nothing."""
    if moment is None:
        return vector
    utc = moment.astimezone(datetime.UTC)
    mark = quote(period_lexeme(utc.year, utc.month))
    return f"{vector} {mark}" if vector else mark


def any_period(months):
    """tsquery matching any of the (year, month) pairs."""
    return " | ".join(quote(period_lexeme(year, month)) for year, month in months)
