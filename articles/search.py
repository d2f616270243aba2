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
from django.db.models import BooleanField, Count, F, Func, Q, RowRange, Value, Window
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from taggit.models import Tag, TaggedItem

from articles.models import Article
from newsroom import textsearch
from newsroom.pagination import PAGE_SIZE

# Saving any of these changes what the index holds.
INDEXED_FIELDS = {"headline", "deck", "body"}
# Block tags end a word: "<h2>제목</h2><p>본문" must not index the bigram 목본.
BLOCK_TAG_RE = re.compile(r"<(/?(?:p|h[1-6]|li|ul|ol|td|th|tr|table|blockquote|br|hr|div)\b)", re.IGNORECASE)
SNIPPET_LENGTH = 160
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


class RankedHits:
    """Search hits for a Paginator: one pass ranks and counts narrow rows; only a page's articles are loaded."""

    def __init__(self, hits, ordering, per_page=PAGE_SIZE):
        self.hits, self.ordering, self.per_page = hits, ordering, per_page

    @cached_property
    def first_page(self):
        """(ids of the first page, total hits)."""
        # The window's own ORDER BY makes PostgreSQL compute the ranking before spooling the hits,
        # so it spools booleans rather than every hit's search_title (39 ms instead of 50 for 32k hits).
        every_row = RowRange(start=None, end=None)
        ranked = self.hits.annotate(total=Window(Count("pk"), order_by=self.ordering, frame=every_row))
        ranked = ranked.order_by(*self.ordering)
        rows = list(ranked.values_list("pk", "total")[: self.per_page])
        return [pk for pk, _ in rows], rows[0][1] if rows else 0

    def count(self):
        return self.first_page[1]

    def __getitem__(self, page):
        if not page.start and page.stop <= self.per_page:
            ids = self.first_page[0][page]
        else:
            ids = self.hits.order_by(*self.ordering).values("pk")[page]
        # The list's columns plus the body, which the snippet is cut from: twenty bodies, not every hit's.
        shown = Article.objects.filter(pk__in=ids).order_by(*self.ordering).for_lists()
        return list(shown.defer(None).defer("search_vector", "search_title"))


def search(queryset, query):
    """(RankedHits, whether they hold every term): headline first, then deck, then newest."""
    # docs/SEARCH.md has the reasons and the numbers. A term matches as the AND of its bigrams
    # (exact=False), which the GIN index answers without reading rows; one CJK character alone
    # would match most of the archive, so it looks in headline, deck and tags only.
    ordering = [
        matches(query.every_term("A"), "search_title").desc(),
        matches(query.any_term("A"), "search_title").desc(),
        matches(query.any_term("B"), "search_title").desc(),
        "-published_at",
        "-id",
    ]
    results = RankedHits(queryset.filter(term_conditions(query, operator.and_)), ordering)
    # Several terms: the articles with all of them; only when there are none, those with any.
    if len(query.terms) > 1 and not results.count():
        return RankedHits(queryset.filter(term_conditions(query, operator.or_)), ordering), False
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
        text = plain_text(article.body)
        article.snippet_html = mark_safe(textsearch.highlight(text, query, SNIPPET_LENGTH))  # noqa: S308 - escaped
    return articles
