"""Article search: the index kept current with the article, and the queries readers and editors run.

The tokenizer lives in newsroom/textsearch.py; docs/SEARCH.md says why it works
this way. Headline, deck, tags and body are weighted A, B, D and C.
"""

import functools
import html
import operator
import re

import nh3
from django.contrib.postgres.search import SearchQueryField, SearchVectorField
from django.db import connections, transaction
from django.db.models import BooleanField, F, Func, Q, Value
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from taggit.models import Tag, TaggedItem

from articles.models import Article
from newsroom import textsearch

# Saving any of these changes what the index holds.
INDEXED_FIELDS = {"headline", "deck", "body"}
# Block tags end a word: "<h2>제목</h2><p>본문" must not index the bigram 목본.
BLOCK_TAG_RE = re.compile(r"<(/?(?:p|h[1-6]|li|ul|ol|td|th|tr|table|blockquote|br|hr|div)\b)", re.IGNORECASE)
SNIPPET_LENGTH = 160
# Characters of body HTML kept before the first match (and twice that after it) to cut a snippet from.
SNIPPET_SOURCE = 600
# PostgreSQL refuses a tsvector over 1 MB; a body this long is a paste accident, and its start is enough.
MAX_INDEXED_BODY = 50_000
REBUILD_BATCH = 500


def plain_text(body):
    """The words of a sanitised HTML body: tags and scripts gone, entities decoded, spaces collapsed."""
    text = nh3.clean(BLOCK_TAG_RE.sub(r" <\1", body or ""), tags=set())
    return " ".join(html.unescape(text).split())


def document(headline, deck, body, tags):
    """The tsvector literals of one article: (search_vector, search_title)."""
    title = [("A", headline), ("B", deck), ("D", " , ".join(tags))]
    body_text = plain_text(body)[:MAX_INDEXED_BODY]
    return textsearch.tsvector([*title, ("C", body_text)]), textsearch.tsvector(title)


def index_article(article):
    """Rewrite one article's search vectors from its current text and tags."""
    vector, title = document(article.headline, article.deck, article.body, article.tags.names())
    Article.objects.filter(pk=article.pk).update(
        search_vector=Cast(Value(vector), SearchVectorField()), search_title=Cast(Value(title), SearchVectorField())
    )


def rebuild_index(using="default", batch_size=REBUILD_BATCH):
    """Re-index every article; returns how many. Reads only the columns it needs, so a migration may call it."""
    done = 0
    ids = list(Article.objects.using(using).order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), batch_size):
        batch = ids[first : first + batch_size]
        tags = {}
        tagged = TaggedItem.objects.using(using).filter(
            content_type__app_label="articles", content_type__model="article", object_id__in=batch
        )
        for object_id, name in tagged.values_list("object_id", "tag__name"):
            tags.setdefault(object_id, []).append(name)
        rows = Article.objects.using(using).filter(pk__in=batch).values_list("pk", "headline", "deck", "body")
        params = [(*document(headline, deck, body, tags.get(pk, [])), pk) for pk, headline, deck, body in rows]
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            table = connections[using].ops.quote_name(Article._meta.db_table)
            cursor.executemany(
                f"UPDATE {table} SET search_vector = %s::tsvector, search_title = %s::tsvector WHERE id = %s",  # noqa: S608
                params,
            )
        done += len(params)
    return done


def on_article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Index an article whenever its text may have changed (not for fixtures: raw)."""
    if raw or (update_fields is not None and not INDEXED_FIELDS & set(update_fields)):
        return
    index_article(instance)


def on_tags_changed(sender, instance, action, **kwargs):
    """Tags are saved after the article (the admin's save_related): index again then."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Article):
        index_article(instance)


def on_tag_renamed(sender, instance, created=False, raw=False, **kwargs):
    """A tag renamed in the Tag admin: the articles carrying it are indexed under the new name."""
    if not (created or raw):
        for article in Article.objects.filter(tags=instance):
            index_article(article)


def on_tagging_changed(sender, instance, raw=False, **kwargs):
    """A tag linked or unlinked outside the article form (Tag admin inline, tag deleted)."""
    article = instance.content_object if not raw else None
    if isinstance(article, Article):
        index_article(article)


def connect_signals():
    post_save.connect(on_article_saved, sender=Article, dispatch_uid="articles.search.saved")
    m2m_changed.connect(on_tags_changed, sender=Article.tags.through, dispatch_uid="articles.search.tags")
    post_save.connect(on_tag_renamed, sender=Tag, dispatch_uid="articles.search.tag_renamed")
    for signal in (post_save, post_delete):
        signal.connect(on_tagging_changed, sender=TaggedItem, dispatch_uid=f"articles.search.tagging.{signal}")


class Matches(Func):
    """`vector @@ query` as a boolean the ORM can filter and order by."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def matches(tsquery, field="search_vector"):
    return Matches(F(field), Cast(Value(tsquery), SearchQueryField()))


# Only the newest SEARCH_WINDOW hits are ranked and counted; more shows as "1,000건 이상" (docs/SEARCH.md).
SEARCH_WINDOW = 1000


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
        shown = Article.objects.filter(pk__in=ids).for_lists().defer(None).defer("search_vector", "search_title")
        shown = {a.pk: a for a in shown}
        return [shown[pk] for pk in ids if pk in shown]


def newest(hits, query):
    """Up to SEARCH_WINDOW + 1 newest hits as (id, published_at, every term in the headline, any term in the
    headline, any in the deck): the ranking tests run on those rows only, not on every hit."""
    newest_hits = hits.order_by("-published_at", "-pk").values_list("pk", "published_at", "search_title")
    sql, params = newest_hits[: SEARCH_WINDOW + 1].query.sql_with_params()
    tests = [query.every_term("A"), query.any_term("A"), query.any_term("B")]
    ranks = ", ".join("newest.search_title @@ %s::tsquery" for _ in tests)
    with connections[hits.db].cursor() as cursor:
        cursor.execute(f"SELECT newest.pk, newest.published_at, {ranks} FROM ({sql}) newest", [*tests, *params])  # noqa: S608
        return cursor.fetchall()


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
        Q(matches(term.tsquery(exact=False), "search_title" if term.is_single_character() else "search_vector"))
        for term in query.terms
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
    query = textsearch.parse_query(text)
    if not query:
        return queryset.none()
    # Editors also type the start of a word ("Seou"), and bulk-loaded rows may not be indexed yet.
    typed = " ".join(text.split())[:200]
    return queryset.filter(Q(matches(query.every_term(exact=False))) | Q(headline__icontains=typed))


def with_snippets(articles, query):
    """Attach highlighted headline and body snippet (safe HTML) to each article of a page."""
    for article in articles:
        article.headline_html = mark_safe(textsearch.highlight(article.headline, query))  # noqa: S308 - escaped
        text = plain_text(snippet_source(article.body, query))
        article.snippet_html = mark_safe(textsearch.highlight(text, query, SNIPPET_LENGTH))  # noqa: S308 - escaped
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
