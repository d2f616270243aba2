"""The queries readers and editors run against the index (search/index.py keeps it).

docs/SEARCH.md says why it works this way. Headline, deck, tags and body are
weighted A, B, D and C in Entry.document; Entry.title holds the first three.
"""

import datetime
import functools
import operator

from django.contrib.postgres.search import SearchQueryField
from django.db import connections
from django.db.models import BooleanField, F, Func, Q, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from articles.models import Article
from search import tokenizer
from search.index import plain_text

SNIPPET_LENGTH = 160
# Characters of body HTML kept before the first match (and twice that after it) to cut a snippet from.
SNIPPET_SOURCE = 600


class Matches(Func):
    """`vector @@ query` as a boolean the ORM can filter and order by."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


DOCUMENT, TITLE = "search_entry__document", "search_entry__title"


def matches(tsquery, field=DOCUMENT):
    return Matches(F(field), Cast(Value(tsquery), SearchQueryField()))


# Only the newest SEARCH_WINDOW hits are ranked and counted; more shows as "500건 이상" (docs/SEARCH.md).
# Reading them is most of a common word's database time: 1,000 cost 18 ms at 100,000 articles, 500 about 5.
SEARCH_WINDOW = 500


class NewestHits:
    """The newest SEARCH_WINDOW hits in rank order, for a Paginator; only a page's articles are loaded."""

    def __init__(self, hits, query):
        self.hits, self.query = hits, query

    @cached_property
    def ranked(self):
        """(ids in rank order, whether older hits were left out)."""
        rows = sorted(newest(self.hits, self.query), key=lambda row: (row[1], row[0]), reverse=True)
        cut = len(rows) > SEARCH_WINDOW
        # Every term in the headline, any in the headline, any in the deck, then newer, then the id.
        rows = sorted(rows[:SEARCH_WINDOW], key=lambda row: (row[2], row[3], row[4], row[1], row[0]), reverse=True)
        return [row[0] for row in rows], cut

    @property
    def cut(self):
        return self.ranked[1]

    def count(self):
        return len(self.ranked[0])

    def __getitem__(self, page):
        ids = self.ranked[0][page]
        # The list's columns plus the body, which the snippet is cut from: twenty bodies, not every hit's.
        shown = Article.objects.filter(pk__in=ids).for_lists(body=True)
        shown = {a.pk: a for a in shown}
        return [shown[pk] for pk in ids if pk in shown]


# The newest hits are looked for month by month, newest first, in windows of these many months;
# whatever is older comes last. docs/SEARCH.md: this keeps a common word's cost to a month's articles.
# Twelve months at most: a window ORs its month lexemes, and with more the planner prices the GIN
# lookup above reading every entry (a 48-month window read all 2,000 entries of a small archive, 18 ms).
WINDOW_MONTHS = (1, 3, 12, 12, 12, 12)


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


def newest(hits, query):
    """Up to SEARCH_WINDOW + 1 newest hits as (id, published_at, every term in the headline, any term in the
    headline, any in the deck): the ranking tests run on those rows only, not on every hit.

    One statement: a UNION ALL of month windows, newest first, under one LIMIT. PostgreSQL runs
    the parts in order and stops once it has enough, so a word in most articles reads about a
    month of them from the GIN index (the month is a lexeme of Entry.document), whatever the
    archive's size; a rare word goes through every window, each a small index lookup.
    """
    sql, params = newest_sql(hits, query)
    # PostgreSQL does not price opening a tsvector, so on a small archive (a few thousand entries) it
    # thinks reading every entry is cheaper than the GIN index and spends 9 ms per window doing so.
    # Reading the index is right at every size. Both statements go in one message: in autocommit (every
    # reader request) PostgreSQL runs it as one transaction and the setting (is_local) ends with it, at
    # no extra round trip; inside a transaction it would last to the transaction's end, so it is put back.
    db = connections[hits.db]
    with db.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true); " + sql, params)
        rows = cursor.fetchall()
        if db.in_atomic_block:
            cursor.execute("SELECT set_config('enable_seqscan', 'on', true)")
        return rows


# Stand-ins for one window's months and bounds: newest_sql() compiles a window once with these and
# gives each window its own values in their places (the ORM took 0.4 ms per window to compile).
WINDOW_STAND_INS = (
    "'_window_'",
    datetime.datetime(1, 1, 1, tzinfo=datetime.UTC),
    datetime.datetime(1, 1, 2, tzinfo=datetime.UTC),
)


def part_sql(part):
    """(sql, params) of one part: the newest SEARCH_WINDOW + 1 of its hits with their Entry.title."""
    part = part.annotate(entry_title=F(TITLE)).order_by("-published_at", "-pk")
    part = part.values_list("pk", "published_at", "entry_title")
    sql, params = part[: SEARCH_WINDOW + 1].query.sql_with_params()
    return f"({sql})", list(params)


def newest_sql(hits, query):
    """(sql, params) of newest(): the month windows joined by UNION ALL under one LIMIT."""
    windows, older = month_windows(timezone.now())
    # Each part also bounds published_at to its months: the row is read for the sort anyway, and an
    # entry whose month went stale (published_at changed around the signals) cannot show up twice.
    months_in, starts, ends = WINDOW_STAND_INS
    window, window_params = part_sql(hits.filter(matches(months_in), published_at__gte=starts, published_at__lt=ends))
    places = [[i for i, param in enumerate(window_params) if param == stand_in] for stand_in in WINDOW_STAND_INS]
    if any(len(found) != 1 for found in places):
        raise ValueError(f"a window's stand-ins are not each in one place: {places}")  # never met: tested
    sqls, params = [], []
    for months in windows:
        values = tokenizer.any_period(months), month_start(*months[-1]), month_start(*months[0], after=True)
        for (place,), value in zip(places, values, strict=True):
            window_params[place] = value
        sqls.append(window)
        params += window_params
    # PostgreSQL's Append runs its parts in the order written and stops once the outer LIMIT is met
    # (subqueries with their own LIMIT are never run as a Parallel Append); test_month_windows reads
    # the plan to check that the oldest part never ran for a common word.
    oldest, oldest_params = part_sql(hits.filter(published_at__lt=older))
    sqls.append(oldest)
    params += oldest_params
    tests = [query.every_term("A"), query.any_term("A"), query.any_term("B")]
    ranks = ", ".join("newest.entry_title @@ %s::tsquery" for _ in tests)
    union = " UNION ALL ".join(sqls)
    sql = f"SELECT newest.pk, newest.published_at, {ranks} FROM ({union}) newest LIMIT %s"  # noqa: S608
    return sql, [*tests, *params, SEARCH_WINDOW + 1]


def search(queryset, query):
    """(NewestHits, whether they hold every term): headline first, then deck, then newest."""
    # docs/SEARCH.md has the reasons and the numbers. A term matches as the AND of its bigrams
    # (exact=False), which the GIN index answers without reading rows; one CJK character alone
    # would match most of the archive, so it looks in headline, deck and tags only.
    results = NewestHits(queryset.filter(term_conditions(query, operator.and_)), query)
    # Several terms: the articles with all of them; only when there are none, those with any.
    if len(query.terms) > 1 and not results.count():
        return NewestHits(queryset.filter(term_conditions(query, operator.or_)), query), False
    return results, True


def term_conditions(query, combine):
    """Each term matched where it may look (one CJK character: titles only), joined by combine."""
    conditions = [
        Q(matches(term.tsquery(exact=False), TITLE if term.is_single_character() else DOCUMENT)) for term in query.terms
    ]
    return functools.reduce(combine, conditions)


def filter_articles(queryset, section=None, reporter=None, date_from=None, date_to=None):
    """Narrow a queryset by section slug, reporter slug and publication dates (in the site's zone)."""
    if section:
        queryset = queryset.filter(section__slug=section)
    if reporter:
        queryset = queryset.filter(bylines__reporter__slug=reporter)
    if date_from:
        queryset = queryset.filter(published_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(published_at__date__lte=date_to)
    return queryset


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
        text = plain_text(snippet_source(article.body, query))
        article.snippet_html = mark_safe(tokenizer.highlight(text, query, SNIPPET_LENGTH))  # noqa: S308 - escaped
    return articles


def snippet_source(body, query):
    """The stretch of a long body around its first match, cut at tag edges: the snippet needs no more.

    Stripping and highlighting a 4,000-character body twenty times was most of a
    search page's time. The match is looked for in the raw HTML; when it is not
    there as typed (an entity, another normal form), the whole body is used.
    """
    reach = SNIPPET_SOURCE
    if len(body) <= 3 * reach:
        return body
    lowered = body.lower()
    found = [at for term in query.terms if (at := lowered.find(term.text)) != -1]
    if not found:
        return body
    # Sanitised HTML has '<' and '>' only around tags, so these cuts never split one.
    start = body.find(">", max(0, min(found) - reach)) + 1 if min(found) > reach else 0
    end = body.rfind("<", start, min(found) + 2 * reach)
    return body[start : end if end > min(found) else None]
