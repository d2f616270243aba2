"""Articles for a list (sections, tags, reporters, organisations, events, search results, the front
page): each with its section, lead photo and bylines, in one query instead of a query and a prefetch.

`ArticleQuerySet.for_lists()` keeps the queryset's filters, order and slice and hands its
evaluation to `Stories`: the queryset picks the ids, one statement returns each story as JSON
(`story_json()`), and `story()` turns a row into an `Article` with everything a list shows in
place, so showing it runs no query. Only the columns a list shows are read (STORY_FIELDS; search
adds a stretch of the body for its snippets, search/queries.py); touching another field loads it,
one query per article, which the query-count tests would catch.
"""

from functools import cache

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import BaseIterable
from django.utils import timezone

from articles.models import Article, Byline, Section
from articles.models.article import BYLINES_ATTR, LIVE_SQL
from newsroom.jsonrows import instance, quote, table
from newsroom.prepared import Prepared
from photos.models import Photo
from photos.templatetags.photos import PICTURE_FIELDS
from reporters.models import Reporter

# A story in a list shows headline, deck, photo, section, time and bylines: only those columns.
STORY_FIELDS = ("id", "headline", "deck", "slug", "published_at", "section_id", "lead_photo_id")
BYLINE_FIELDS = ("id", "article_id", "reporter_id", "order")
REPORTER_FIELDS = ("id", "name", "slug", "title")


def fields(model, names):
    return [model._meta.pk if name in ("id", "pk") else model._meta.get_field(name) for name in names]


def columns(alias, model, names):
    """json_build_object('column', alias.column, ...) of the given fields."""
    pairs = ", ".join(f"'{f.column}', {alias}.{quote(f.column)}" for f in fields(model, names))
    return f"json_build_object({pairs})"


def column_list(alias, model, names):
    return ", ".join(f"{alias}.{quote(f.column)}" for f in fields(model, names))


@cache
def story_json():
    """SQL for one story as JSON, from the article row aliased `a`."""
    section, photo = quote(Section._meta.db_table), quote(Photo._meta.db_table)
    byline, reporter = quote(Byline._meta.db_table), quote(Reporter._meta.db_table)
    picture = ("id", *(Photo._meta.get_field(name).attname for name in PICTURE_FIELDS))
    return f"""json_build_object(
        'article', {columns("a", Article, STORY_FIELDS)},
        'section', (SELECT row_to_json(s) FROM {section} s WHERE s.id = a.section_id),
        'photo', (SELECT {columns("p", Photo, picture)} FROM {photo} p WHERE p.id = a.lead_photo_id),
        'bylines', (SELECT coalesce(json_agg(json_build_object('byline', {columns("b", Byline, BYLINE_FIELDS)},
                                                               'reporter', {columns("r", Reporter, REPORTER_FIELDS)})
                                             ORDER BY b."order", b.id), '[]')
                      FROM {byline} b JOIN {reporter} r ON r.id = b.reporter_id WHERE b.article_id = a.id))"""  # noqa: S608


def story(row, db, shared=None):
    """An article of a list, with its section, lead photo and bylines in place (no query when shown).

    `shared` ({} for the stories of one statement) hands every story of a section, or by a reporter, the
    same instance: a list of twenty stories has a few sections and reporters, each made once."""
    shared = {} if shared is None else shared
    article = instance(Article, row["article"], db)
    section = one_of(shared, Section, row["section"], db) if row["section"] else None
    Article.section.field.set_cached_value(article, section)
    Article.lead_photo.field.set_cached_value(article, instance(Photo, row["photo"], db) if row["photo"] else None)
    bylines = []
    for pair in row["bylines"]:
        byline = instance(Byline, pair["byline"], db)
        Byline.reporter.field.set_cached_value(byline, one_of(shared, Reporter, pair["reporter"], db))
        bylines.append(byline)
    setattr(article, BYLINES_ATTR, bylines)
    return article


def one_of(shared, model, row, db):
    """The instance of `row` already made for this statement's stories, or a new one (one statement reads
    one snapshot: the same id has the same columns)."""
    key = (model, row["id"])
    if key not in shared:
        shared[key] = instance(model, row, db)
    return shared[key]


class Stories(BaseIterable):
    """Evaluates a for_lists() queryset: its ids (filters, order, slice kept), then the stories in one query."""

    def __iter__(self):
        queryset = self.queryset
        try:
            ids_sql, params = queryset.values_list("pk", flat=True).query.sql_with_params()
        except EmptyResultSet:  # none(), or pk__in=[]: nothing to ask the database
            return iter(())
        # row_number() over the ordered ids keeps the queryset's order through the join.
        sql = (
            f"SELECT coalesce(json_agg({story_json()} ORDER BY picked.position), '[]')"  # noqa: S608
            f" FROM (SELECT id, row_number() OVER () AS position FROM ({ids_sql}) AS ids(id)) picked"
            f" JOIN {quote(Article._meta.db_table)} a ON a.id = picked.id"
        )
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchone()[0]
        shared = {}
        return (story(row, queryset.db, shared) for row in rows)


# How many of an event's live stories its page considers: those linked last (articles/page.py does the
# same, per tag, organisation and event, for an article's related articles).
LINKED_CANDIDATES = 50


@cache
def event_statement():
    """The newest live stories among an event's LINKED_CANDIDATES linked last, as story_json() rows."""
    article, links = table(Article), table(Article.events.through)
    # The candidates come off the (event, article) index, highest id first; whether a link's story is live
    # is a scalar subquery per row, as in articles/page.py. Ten stories or ten thousand: the same work.
    return Prepared(f"""
        SELECT coalesce(json_agg({story_json()} ORDER BY a.published_at DESC, a.id DESC), '[]') FROM (
          SELECT {column_list("a", Article, STORY_FIELDS)} FROM {article} a
           WHERE {LIVE_SQL} AND a.id IN (
             SELECT l.article_id FROM {links} l
              WHERE l.event_id = %(event)s AND (SELECT {LIVE_SQL} FROM {article} a WHERE a.id = l.article_id)
              ORDER BY l.article_id DESC LIMIT %(candidates)s)
           ORDER BY a.published_at DESC, a.id DESC LIMIT %(size)s) a
    """)  # noqa: S608 - table names from model metadata; every value is a parameter


def event_stories(event, size, db):
    """An event page's stories: the newest `size` live ones among those linked to it last, with everything a
    list shows (story()). One prepared statement: building the same as an ORM queryset, compiling and
    planning it took longer than PostgreSQL took to run it."""
    parameters = {
        "event": event.pk,
        "published": Article.Status.PUBLISHED,
        "now": timezone.now(),
        "candidates": LINKED_CANDIDATES,
        "size": size,
    }
    with connections[db].cursor() as cursor:
        event_statement().execute(cursor, parameters)
        rows = cursor.fetchone()[0]
    shared = {}
    return [story(row, db, shared) for row in rows]
