"""The queries readers and editors run against the index (search/index.py keeps it).

docs/SEARCH.md says why it works this way. Headline, deck, tags and body are
weighted A, B, D and C in Entry.document; Entry.title holds the first three.
"""

import contextlib
import datetime
import functools
import hashlib
import html
import re

from django.contrib.postgres.search import SearchQueryField
from django.db import connections, router
from django.db.models import BooleanField, F, Func, Q, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.lists import story, story_json
from articles.models import Article, Byline, Section
from newsroom.jsonrows import table
from newsroom.pagecache import CacheUnavailable, cache_call
from newsroom.pagination import PAGE_SIZE
from newsroom.prepared import Prepared
from reporters.models import Reporter
from search import tokenizer
from search.index import BLOCK_TAG_RE
from search.models import Entry

SNIPPET_LENGTH = 160
# Characters of body HTML kept before the first match (and twice that after it) to cut a snippet from:
# the snippet opens a quarter of its length before the match (tokenizer.highlight), tags take the rest.
SNIPPET_SOURCE = 200


class Matches(Func):
    """`vector @@ query` as a boolean the ORM can filter and order by."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def matches(tsquery):
    """An article's search entry matches the tsquery (the admin's search)."""
    return Matches(F("search_entry__document"), Cast(Value(tsquery), SearchQueryField()))


# Only the newest SEARCH_WINDOW hits are ranked and counted; more shows as "200건 이상" (docs/SEARCH.md).
# Reading them is most of a common word's database time, and what grows with the archive: a word in 5 % of
# 100,000 stories executed in 4.9 ms with 500 (1.9 to read them, 0.8 to rank them) and 2.3 with 200, about
# what its hundred hits take at 2,000 articles (docs/SEARCH.md). Ten pages of results, then the filters.
SEARCH_WINDOW = 200


class Results:
    """The newest SEARCH_WINDOW hits in rank order, for a Paginator: one statement finds them, ranks them,
    counts them and returns the stories of the page the reader asked for (`wanted`, numbered from 1)."""

    def __init__(self, query, combine, filters, wanted=1):
        self.query, self.combine, self.filters = query, combine, filters
        self.wanted = max(1, wanted)
        self.total = None
        self.loaded = {}  # first position -> the stories from there, as many as a page holds

    def load(self, start, size):
        self.total, stories = run(self.query, self.combine, self.filters, start, size)
        self.loaded[start] = (size, stories)

    def count(self):
        if self.total is None:
            self.load((self.wanted - 1) * PAGE_SIZE, PAGE_SIZE)
        return min(self.total, SEARCH_WINDOW)

    @property
    def cut(self):
        """Whether hits older than the window were left out."""
        return self.count() < self.total

    def __getitem__(self, page):
        start, stop = page.start or 0, page.stop
        size = stop - start
        if start not in self.loaded or self.loaded[start][0] < size:
            self.load(start, size)
        return self.loaded[start][1][:size]


# The newest hits are looked for month by month, newest first, in windows of these many months;
# whatever is older comes last. docs/SEARCH.md: this keeps a common word's cost to a month's articles.
# A window is read whole before the LIMIT stops the rest, so they widen slowly: a word in 5 % of 100,000
# stories has its 200 newest in the first six months and no more are read. Twelve months at most: a window
# ORs its month lexemes, and with more the planner prices the GIN lookup above reading every entry
# (a 48-month window read all 2,000 entries of a small archive, 18 ms).
WINDOW_MONTHS = (1, 2, 3, 6, 12, 12, 12, 12)


def month_windows(now):
    """Lists of (year, month), newest first, then the first moment the windows do not cover."""
    utc = now.astimezone(datetime.UTC)
    index = utc.year * 12 + utc.month - 1
    windows = []
    for size in WINDOW_MONTHS:
        windows.append([divmod(index - step, 12) for step in range(size)])
        index -= size
    windows = [[(year, month + 1) for year, month in window] for window in windows]
    year, month = divmod(index + 1, 12)
    return windows, datetime.datetime(year, month + 1, 1, tzinfo=datetime.UTC)


def month_start(year, month, after=False):
    """The first moment (UTC) of a month, or with after=True of the month after it."""
    if after:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return datetime.datetime(year, month, 1, tzinfo=datetime.UTC)


# Searches of up to this many terms and no filter, what readers mostly type, run as prepared statements
# (newsroom/prepared.py): PostgreSQL took 1.5-2 ms, a quarter of the statement, to plan the month windows
# on every search. One per shape of statement (terms, where each looks, AND or OR): at most 36 per
# database connection. Longer or filtered searches are planned each time, as before.
PREPARED_TERMS = 2
prepared = functools.lru_cache(maxsize=64)(Prepared)


# A query with at most this many hits reads them all in one part rather than month by month (few_hits()).
# Reading every hit costs what the windows cost at about a thousand: measured, a lexeme in 643 of 100,000
# entries took 1.0-2.0 ms in one part and 2.3-3.2 ms in windows; at 2,000 articles two words in 870
# entries 0.8-1.7 ms against 1.5-2.6, and a word in 1,650 about the same either way (1.3 ms).
FEW_HITS = 1000
# How long the shared cache keeps the number of entries a lexeme, or an AND of terms, is in (capped at
# FEW_HITS + 1): a common word stays common for a day; a rare one is counted again after an hour, so that
# counts taken while an archive was being loaded or re-indexed (too low: slower searches, never wrong
# ones) soon go.
COMMON_COUNT_SECONDS = 24 * 3600
RARE_COUNT_SECONDS = 3600
# At most this many lexemes are counted for one search (a 100-character word has 99 bigrams): the rest
# count as common. A term is bounded by any of its lexemes, so a few are enough to find a rare one.
MAX_COUNTED = 12
# An AND of common terms is counted as a whole (few_hits()) when it has at most this many terms and
# MAX_COUNTED lexemes between them, and the count is kept an hour whatever it says: words are few, their
# combinations endless, and each new one costs a count that reads every one of its lexemes' index lists.
MAX_AND_TERMS = 3
AND_COUNT_SECONDS = 3600


def entry_count_key(tsquery):
    """The count's key: FEW_HITS is in it, since counts stop past it. A long tsquery (in bytes), or one with
    spaces or control characters (which some cache servers refuse in keys), goes by its digest."""
    if len(tsquery.encode()) > 100 or any(char.isspace() or not char.isprintable() for char in tsquery):
        tsquery = hashlib.sha256(tsquery.encode()).hexdigest()
    return f"search:entries:v2:{FEW_HITS}:{tsquery}"


def few_hits(query, combine):
    """Whether the query can have at most FEW_HITS hits, by the entries its lexemes and terms are in.

    An entry matches a term only if it holds every lexeme (bigram) of it, so a term has at most as many
    hits as its rarest lexeme has entries, AND at most as many as its rarest term, OR at most their sum.
    When every term of a short AND is common, the AND itself is counted: two words each in half the
    stories may share a third of them, or next to none. Such a query needs no month windows: reading all
    its hits costs no more, and gives the same newest SEARCH_WINDOW + 1 (statement(windows=False)). A
    one-character term (a prefix in titles) is never counted. Without the shared cache the answer is no
    (the windows): a common lexeme's count takes milliseconds, worth paying once a day, not on every search.
    """
    terms = [term for term in query.terms if not term.is_single_character()]
    if not terms or (combine == "OR" and len(terms) < len(query.terms)):
        return False
    lexemes = [[tokenizer.lexeme_tsquery(lexeme) for lexeme in term.lexemes] for term in terms]
    every = None
    if combine == "AND" and 1 < len(terms) <= MAX_AND_TERMS and sum(map(len, lexemes)) <= MAX_COUNTED:
        every = " & ".join(sorted({f"({term.tsquery(exact=False)})" for term in terms}))  # one key for any order
    # The AND's count, if kept, comes with the lexemes' in one round trip; it is counted only if needed.
    counts = entry_counts({lexeme for term in lexemes for lexeme in term}, peek=[every] if every else [])
    if counts is None:
        return False
    unknown = FEW_HITS + 1  # a lexeme left uncounted (MAX_COUNTED) is taken for a common one
    bounds = [min(counts.get(lexeme, unknown) for lexeme in term) for term in lexemes]
    bound = min(bounds) if combine == "AND" else sum(bounds)
    if bound > FEW_HITS and every:
        if every not in counts:
            counts = entry_counts({every}, seconds=AND_COUNT_SECONDS) or {}
        bound = counts.get(every, unknown)
    return bound <= FEW_HITS


def entry_counts(tsqueries, peek=(), seconds=None):
    """{tsquery: the live entries it matches, up to FEW_HITS + 1}, from the shared cache, the missing
    ones (MAX_COUNTED of them at most; the rest are left out) counted in one statement and kept `seconds`
    (by default a day if over FEW_HITS, else an hour); None while the cache is down. The counts of `peek`
    are read from the cache too, where kept, and never counted."""
    wanted = set(tsqueries)
    keys = {entry_count_key(tsquery): tsquery for tsquery in sorted(wanted | set(peek))}
    try:
        known = cache_call("get_many", list(keys))
    except CacheUnavailable:
        return None
    counts = {keys[key]: value for key, value in known.items()}
    missing = [tsquery for tsquery in keys.values() if tsquery in wanted and tsquery not in counts][:MAX_COUNTED]
    if missing:
        # Each count stops at FEW_HITS + 1 entries; the GIN index still lists every entry of a common
        # lexeme first (7 ms for one in 90 % of 100,000 entries; two common words, about the sum), hence the cache.
        one = (
            f"(SELECT count(*) FROM (SELECT 1 FROM {table(Entry)} e WHERE e.document @@ %s::tsquery"  # noqa: S608
            f" AND e.live_at IS NOT NULL LIMIT {FEW_HITS + 1:d}) c)"
        )
        with index_cursor() as cursor:
            cursor.execute(f"{NO_SEQSCAN}SELECT ARRAY[{', '.join([one] * len(missing))}]", missing)
            found = dict(zip(missing, cursor.fetchone()[0], strict=True))
        for rare in (True, False):
            kept = {entry_count_key(tsquery): n for tsquery, n in found.items() if (n <= FEW_HITS) == rare}
            with contextlib.suppress(CacheUnavailable):
                cache_call("set_many", kept, seconds or (RARE_COUNT_SECONDS if rare else COMMON_COUNT_SECONDS))
        counts.update(found)
    return counts


# PostgreSQL does not price opening a tsvector, so on a small archive (a few thousand entries) it
# thinks reading every entry is cheaper than the GIN index and spends 9 ms per window doing so.
# Reading the index is right at every size. Both statements go in one message: in autocommit (every
# reader request) PostgreSQL runs it as one transaction and the setting (is_local) ends with it, at
# no extra round trip; inside a transaction it would last to the transaction's end, so it is put back.
# A prepared statement's generic plan is made at its first EXECUTE, so under the same setting.
NO_SEQSCAN = "SELECT set_config('enable_seqscan', 'off', true); "


@contextlib.contextmanager
def index_cursor():
    """A cursor on the database searches read (the replica for anonymous readers, newsroom/dbrouter.py), for
    statements sent after NO_SEQSCAN: inside a transaction, the setting is put back after them."""
    db = connections[router.db_for_read(Entry)]
    with db.cursor() as cursor:
        yield cursor
        if db.in_atomic_block:
            cursor.execute("SELECT set_config('enable_seqscan', 'on', true)")


def run(query, combine, filters, start, size):
    """(hits up to SEARCH_WINDOW + 1, the stories at rank positions start .. start + size)."""
    sql, params = statement(query, combine, filters, start, size, windows=not few_hits(query, combine))
    with index_cursor() as cursor:
        if len(query.terms) <= PREPARED_TERMS and not filters:
            prepared(sql).execute(cursor, params, before=NO_SEQSCAN)
        else:
            cursor.execute(NO_SEQSCAN + sql, params)
        total, rows = cursor.fetchone()
        db = cursor.db.alias
    stories, shared = [], {}
    for row in rows:
        article = story(row["story"], db, shared)
        article.snippet_window = row["window"]
        stories.append(article)
    return total, stories


def statement(query, combine, filters, start, size, windows=True):
    """(sql, params) of run(): the newest hits, month window by month window, ranked, and a page of them.

    The newest hits are a UNION ALL of month windows, newest first, under one LIMIT. PostgreSQL runs
    the parts in order and stops once it has enough, so a word in most articles reads about a
    month of them from the GIN index (the month is a lexeme of Entry.document), whatever the
    archive's size; a rare word goes through every window, each a small index lookup. Only those
    rows are ranked: every term in the headline, any in the headline, any in the deck, then newer.
    The hits come from search_entry (Entry.live_at says what readers may see; the filters look at
    the article and its bylines); the page's stories, each with a window of its body for the
    snippet, are read last, and must pass live() on the article row too.

    With windows=False (few_hits(): a query with few hits in the whole archive) the newest hits are
    read in one part, by the terms alone: every window would be an index lookup finding next to nothing.
    """
    now = timezone.now()
    shared, shared_params = hits_sql(query, combine, filters, now)
    parts, params = [], []
    if not windows:
        parts.append(part_sql(shared))
        params += shared_params
    else:
        months_windows, older = month_windows(now)
        for months in months_windows:
            window = "e.document @@ %s::tsquery AND e.live_at >= %s AND e.live_at < %s"
            parts.append(part_sql(f"{shared} AND {window}"))
            params += [*shared_params, tokenizer.any_period(months), month_start(*months[-1])]
            params.append(month_start(*months[0], after=True))
        # Each window also bounds live_at to its months: an entry whose month went stale (published_at
        # changed around the index) cannot show up twice.
        parts.append(part_sql(f"{shared} AND e.live_at < %s"))
        params += [*shared_params, older]
    # The tiers: every term in the headline, any in the headline, any in the deck, as the bits of one number.
    # Most hits have none of them: one test says so, instead of three (0.5 ms of 500 hits, when the window was 500).
    tests = [query.any_term("AB"), query.any_term("A"), query.every_term("A"), query.any_term("B")]
    ranks = """(CASE WHEN n.title @@ %s::tsquery THEN
                    (CASE WHEN n.title @@ %s::tsquery THEN 2 + (CASE WHEN n.title @@ %s::tsquery THEN 4 ELSE 0 END)
                          ELSE 0 END)
                    + (CASE WHEN n.title @@ %s::tsquery THEN 1 ELSE 0 END)
                ELSE 0 END) DESC"""
    union = " UNION ALL ".join(parts)
    window = window_sql(query)
    sql = f"""WITH newest AS MATERIALIZED (SELECT n.* FROM ({union}) n LIMIT %s),
        ranked AS (
            SELECT n.article_id, row_number() OVER (ORDER BY {ranks}, n.live_at DESC, n.article_id DESC) AS position
            FROM (SELECT * FROM newest ORDER BY live_at DESC, article_id DESC LIMIT %s) n
        )
        SELECT (SELECT count(*) FROM newest),
               (SELECT coalesce(json_agg(json_build_object('story', {story_json()}, 'window', {window})
                                         ORDER BY r.position), '[]')
                FROM ranked r JOIN {table(Article)} a ON a.id = r.article_id
                WHERE r.position > %s AND r.position <= %s AND a.status = %s AND a.published_at <= %s)"""  # noqa: S608
    # The last line is articles.models.live() once more, on the page's twenty rows: Entry.live_at is kept by
    # the index and a trigger, and this keeps a story off the page should the two definitions ever part.
    texts = [term.text for term in query.terms]
    live = [Article.Status.PUBLISHED, now]
    return sql, [*params, SEARCH_WINDOW + 1, *tests, SEARCH_WINDOW, *texts, start, start + size, *live]


def window_sql(query):
    """SQL of a story's snippet window: a JSON object with `text`, the stretch of the body `a.body` that
    snippet_source() cuts a snippet from (and one character more where the body goes on), `match`, the
    offset in it of the first term found (null: the whole body), and `opens`, where in the body it opens.
    The body itself stays in the database: twenty of them were a third of the page's statement, and
    most of what Python then stripped and highlighted. One parameter per term's text."""
    # Terms are normalised to lower case; a body needs lowering only for a term with letters that have
    # case (lower() cost 55 µs a body, more than finding the term).
    found = ", ".join(
        f"nullif(strpos({'lower(b.body)' if term.text != term.text.upper() else 'b.body'}, %s), 0)"
        for term in query.terms
    )
    reach = SNIPPET_SOURCE
    # `|| ''` opens (detoasts) the body once for every use; OFFSET 0 keeps PostgreSQL from copying the
    # expressions into each place that uses them. It counts characters from 1: `first` is where the
    # window opens, `at` the match.
    return f"""(SELECT CASE WHEN f.at IS NULL THEN json_build_object('text', f.body, 'match', NULL, 'opens', 0)
                       ELSE json_build_object('text', substr(f.body, f.first, f.at + {2 * reach + 1:d} - f.first),
                                              'match', f.at - f.first, 'opens', f.first - 1) END
                FROM (SELECT m.body, m.at, greatest(m.at - {reach:d}, 1) AS first
                      FROM (SELECT b.body, least({found}) AS at
                            FROM (SELECT a.body || '' AS body OFFSET 0) b OFFSET 0) m) f)"""  # noqa: S608


def part_sql(conditions):
    """One part of the UNION: the newest SEARCH_WINDOW + 1 entries meeting the conditions."""
    return (
        f"(SELECT e.article_id, e.live_at, e.title FROM {table(Entry)} e WHERE {conditions}"  # noqa: S608
        f" ORDER BY e.live_at DESC, e.article_id DESC LIMIT {SEARCH_WINDOW + 1:d})"
    )


def hits_sql(query, combine, filters, now):
    """(sql, params): an entry `e` readers may see at `now`, matching the terms (joined by combine, AND or OR) and
    the filters (filter_conditions())."""
    if combine not in ("AND", "OR"):
        raise ValueError(f"terms are joined by AND or OR, not {combine!r}")
    # docs/SEARCH.md: a term matches as the AND of its bigrams (exact=False), which the GIN index
    # answers without reading rows; one CJK character alone would match most of the archive, so it
    # looks in headline, deck and tags only.
    terms = [f"e.{'title' if term.is_single_character() else 'document'} @@ %s::tsquery" for term in query.terms]
    conditions, params = filter_conditions(**filters)
    sql = " AND ".join(["e.live_at <= %s", f"({f' {combine} '.join(terms)})", *conditions])
    return sql, [now, *(term.tsquery(exact=False) for term in query.terms), *params]


def filter_conditions(section=None, reporter=None, date_from=None, date_to=None):
    """([sql], [params]) narrowing the entries `e` by section slug, reporter slug and publication dates
    (days of the site's zone)."""
    conditions, params = [], []
    if section:
        conditions.append(
            f"EXISTS (SELECT 1 FROM {table(Article)} a JOIN {table(Section)} s ON s.id = a.section_id"  # noqa: S608
            " WHERE a.id = e.article_id AND s.slug = %s)"
        )
        params.append(section)
    if reporter:
        conditions.append(
            f"EXISTS (SELECT 1 FROM {table(Byline)} b JOIN {table(Reporter)} r ON r.id = b.reporter_id"  # noqa: S608
            " WHERE b.article_id = e.article_id AND r.slug = %s)"
        )
        params.append(reporter)
    zone = timezone.get_current_timezone()
    if date_from:
        conditions.append("e.live_at >= %s")
        params.append(datetime.datetime.combine(date_from, datetime.time.min, tzinfo=zone))
    if date_to:
        conditions.append("e.live_at < %s")
        params.append(datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone))
    return conditions, params


def search(query, wanted=1, **filters):
    """(Results, whether they hold every term): headline first, then deck, then newest.

    Several terms find the articles with all of them; only when there are none, those with any.
    `wanted` is the page the reader asked for: its stories come with the count.
    """
    results = Results(query, "AND", filters, wanted)
    if len(query.terms) > 1 and not results.count():
        return Results(query, "OR", filters, wanted), False
    return results, True


def admin_search(queryset, text):
    """The admin's article search: every term, drafts included (the queryset decides)."""
    query = tokenizer.parse_query(text)
    if not query:
        return queryset.none()
    # Editors also type the start of a word ("Seou"), and bulk-loaded rows may not be indexed yet.
    typed = " ".join(text.split())[:200]
    return queryset.filter(Q(matches(query.every_term(exact=False))) | Q(headline__icontains=typed))


def with_snippets(articles, query):
    """Attach highlighted headline and body snippet (safe HTML) to each article of a page."""
    for article in articles:
        article.headline_html = mark_safe(tokenizer.highlight(article.headline, query))  # noqa: S308 - escaped
        source, before, after = snippet_source(article.snippet_window)
        snippet = tokenizer.highlight(window_text(source), query, SNIPPET_LENGTH)
        # The window leaves out the rest of a long body: say so, as highlight() does for what it leaves out.
        snippet = ("…" if before and not snippet.startswith("…") else "") + snippet
        snippet += "…" if after and not snippet.endswith("…") else ""
        article.snippet_html = mark_safe(snippet)  # noqa: S308 - escaped by highlight()
    return articles


TAG_RE = re.compile(r"<[^>]*>")


def window_text(source):
    """The words of a window of a sanitised body (snippet_source()), as search.index.plain_text() reads them:
    in sanitised HTML '<' only opens a tag, so a regular expression does what nh3 did at six times the
    cost. The result is text; highlight() escapes it, so a row written around the sanitiser shows, not runs."""
    return " ".join(html.unescape(TAG_RE.sub("", BLOCK_TAG_RE.sub(r" <\1", source))).split())


def snippet_source(window):
    """(HTML, whether body comes before it, whether body comes after it): the stretch of a long body
    around its first match that a snippet is cut from.

    `window` comes from window_sql(): the body from SNIPPET_SOURCE characters before the first
    match to twice that after it, and one more character, there only if the body goes on.
    Stripping and highlighting a 4,000-character body twenty times was most of a search
    page's time. The match is looked for in the raw HTML; when it is not there as typed (an
    entity, another normal form), the window is the whole body.
    """
    text, match = window["text"], window["match"]
    if match is None:
        return text, False, False
    size = match + 2 * SNIPPET_SOURCE
    more, text = len(text) > size, text[:size]
    start, end = 0, len(text)
    # Sanitised HTML has '<' and '>' only around tags and '&' only opening an entity: drop a tag the
    # window opens inside, and a tag or entity it closes inside.
    if window["opens"] and (close := text.find(">", 0, match)) != -1 and "<" not in text[:close]:
        start = close + 1
    if more:
        opening = max(text.rfind("<"), text.rfind("&"))
        if opening > max(match, text.rfind(">")) and (text[opening] == "<" or ";" not in text[opening:]):
            end = opening
    return text[start:end], bool(window["opens"]), more
