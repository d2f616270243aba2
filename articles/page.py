"""What an article page reads besides the article row, in one query instead of nine.

Bylines (with their reporters), tags, organisations, events, sessions (with their events),
corrections, the library photos placed in the body, the neighbours in the section and the
related articles come back as JSON from one statement. Each row becomes a model instance
(`newsroom.jsonrows`; a link to an article loads LINK_FIELDS, the rest all their columns) and lands
where Django's own prefetch would have put it, so the template and the JSON-LD read
`article.tags.all()` and the rest unchanged; the body's photos go to BODY_PHOTOS_ATTR for
`{% article_body %}`, the links to PREVIOUS_ATTR, NEXT_ATTR and RELATED_ATTR. Nine ORM queries
cost more in Python (building and compiling querysets, matching prefetches) than in the
database; this statement is built once per process.

Readers see only published articles: the neighbours and related articles repeat
`ArticleQuerySet.published()` in SQL (status and a publish time that has come), and
tests/publication/test_article_page.py shows drafts, scheduled and withdrawn stories never appear.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.lists import column_list
from articles.models import Article, Byline, Correction, Section, body_photo_ids
from articles.models.article import BYLINES_ATTR, LINK_FIELDS, LIVE_SQL, RELATED_ARTICLES
from events.models import Event, Session
from newsroom.jsonrows import instance, remember, table
from newsroom.prepared import Prepared
from organisations.models import Organisation
from photos.models import Photo
from reporters.models import Reporter

# The related managers whose prefetch caches the page fills, in the statement's column order.
CACHED = ("tags", "organisations", "events", "sessions", "corrections")
# {photo id: Photo} of the library photos the body places, for {% article_body %}.
BODY_PHOTOS_ATTR = "body_photos"
# The articles just older and just newer in the same section (or None), and the related articles.
PREVIOUS_ATTR, NEXT_ATTR, RELATED_ATTR = "previous_in_section", "next_in_section", "related_articles"
# Related articles come from, per tag, organisation or event of the article, its most recently created
# live stories (highest id): a fixed amount of work however many a common tag carries (10,000 at 100,000
# articles). A story drafted long ago and published today ranks by its id here, not its publication.
RELATED_CANDIDATES = 20
# Ids are bigint: a larger number in an address is no article, not an error.
BIGINT_LIMIT = 2**63


@cache
def statement():
    """The SQL, built from the models' tables (the same on every database of the site)."""
    byline, reporter, correction = table(Byline), table(Reporter), table(Correction)
    tag, tagged = table(Tag), table(TaggedItem)
    organisation, event, session = table(Organisation), table(Event), table(Session)
    organisations, events = table(Article.organisations.through), table(Article.events.through)
    sessions, photo, article = table(Article.sessions.through), table(Photo), table(Article)
    link, live = column_list("a", Article, LINK_FIELDS), LIVE_SQL
    # Ranges the section index (section, status, -published_at, -id) starts from, then the tie-break on id.
    same_section = f"SELECT {link} FROM {article} a WHERE a.section_id = %(section)s AND {live}"  # noqa: S608
    older = "a.published_at <= %(at)s AND NOT (a.published_at = %(at)s AND a.id >= %(article)s)"
    newer = "a.published_at >= %(at)s AND NOT (a.published_at = %(at)s AND a.id <= %(article)s)"
    # For each of the article's own tags, organisations and events, its most recently created live stories
    # (highest id): a walk down the (link, article) index that stops after a few. Whether a story is live
    # is a scalar subquery per row on purpose: as a join, PostgreSQL merged the tag's rows with the whole
    # article table's primary key and read it all for a tag with few stories (70 ms at 100,000 articles).
    is_live = f"(SELECT {live} FROM {article} a WHERE a.id = {{}})"  # noqa: S608
    candidates = f"""
        SELECT l.object_id FROM {tagged} mine CROSS JOIN LATERAL (
          SELECT t.object_id FROM {tagged} t
           WHERE t.tag_id = mine.tag_id AND t.content_type_id = %(content_type)s AND {is_live.format("t.object_id")}
           ORDER BY t.object_id DESC LIMIT %(candidates)s) l
         WHERE mine.object_id = %(article)s AND mine.content_type_id = %(content_type)s
        UNION ALL
        SELECT l.article_id FROM {organisations} mine CROSS JOIN LATERAL (
          SELECT o.article_id FROM {organisations} o
           WHERE o.organisation_id = mine.organisation_id AND {is_live.format("o.article_id")}
           ORDER BY o.article_id DESC LIMIT %(candidates)s) l
         WHERE mine.article_id = %(article)s
        UNION ALL
        SELECT l.article_id FROM {events} mine CROSS JOIN LATERAL (
          SELECT e.article_id FROM {events} e
           WHERE e.event_id = mine.event_id AND {is_live.format("e.article_id")}
           ORDER BY e.article_id DESC LIMIT %(candidates)s) l
         WHERE mine.article_id = %(article)s"""  # noqa: S608 - table names from model metadata
    return Prepared(f"""
        SELECT
          (SELECT coalesce(json_agg(json_build_object('byline', row_to_json(b), 'reporter', row_to_json(r))
                                    ORDER BY b."order", b.id), '[]')
             FROM {byline} b JOIN {reporter} r ON r.id = b.reporter_id WHERE b.article_id = %(article)s),
          (SELECT coalesce(json_agg(row_to_json(t) ORDER BY i.id), '[]')
             FROM {tagged} i JOIN {tag} t ON t.id = i.tag_id
            WHERE i.object_id = %(article)s AND i.content_type_id = %(content_type)s),
          (SELECT coalesce(json_agg(row_to_json(o) ORDER BY o.name, o.id), '[]')
             FROM {organisations} l JOIN {organisation} o ON o.id = l.organisation_id WHERE l.article_id = %(article)s),
          (SELECT coalesce(json_agg(row_to_json(e) ORDER BY e.starts_at DESC, e.id), '[]')
             FROM {events} l JOIN {event} e ON e.id = l.event_id WHERE l.article_id = %(article)s),
          (SELECT coalesce(json_agg(json_build_object('session', row_to_json(s), 'event', row_to_json(e))
                                    ORDER BY e.starts_at DESC, e.id, s."order", s.id), '[]')
             FROM {sessions} l JOIN {session} s ON s.id = l.session_id JOIN {event} e ON e.id = s.event_id
            WHERE l.article_id = %(article)s),
          (SELECT coalesce(json_agg(row_to_json(c) ORDER BY c.date, c.id), '[]')
             FROM {correction} c WHERE c.article_id = %(article)s),
          (SELECT coalesce(json_agg(row_to_json(p)), '[]') FROM {photo} p WHERE p.id = ANY(%(photos)s::bigint[])),
          (SELECT row_to_json(x) FROM ({same_section} AND {older}
                                       ORDER BY a.published_at DESC, a.id DESC LIMIT 1) x),
          (SELECT row_to_json(x) FROM ({same_section} AND {newer} ORDER BY a.published_at, a.id LIMIT 1) x),
          (SELECT coalesce(json_agg(row_to_json(x) ORDER BY x.published_at DESC, x.id DESC), '[]') FROM (
             SELECT {link} FROM {article} a WHERE a.id IN ({candidates}) AND a.id <> %(article)s AND {live}
              ORDER BY a.published_at DESC, a.id DESC LIMIT %(related)s) x)
    """)  # noqa: S608 - table names from model metadata; every value is a parameter


@cache
def article_statement():
    """The live article with its section and lead photo: Article.objects.published().for_page().get(pk=…)."""
    article, section, photo = table(Article), table(Section), table(Photo)
    return Prepared(f"""
        SELECT row_to_json(a), row_to_json(s), row_to_json(p) FROM {article} a
          LEFT JOIN {section} s ON s.id = a.section_id LEFT JOIN {photo} p ON p.id = a.lead_photo_id
         WHERE a.id = %(article)s AND {LIVE_SQL}
    """)  # noqa: S608 - table names from model metadata; every value is a parameter


def published_article(pk):
    """The article readers may see at `pk`, its section and lead photo in place, or None: what
    `Article.objects.published().for_page()` returns, in one prepared statement (the ORM spent longer
    building and compiling that query than PostgreSQL spent running it)."""
    if not 0 < pk < BIGINT_LIMIT:  # an id no row can have (and PostgreSQL would refuse)
        return None
    db = router.db_for_read(Article)
    parameters = {"article": pk, "published": Article.Status.PUBLISHED, "now": timezone.now()}
    with connections[db].cursor() as cursor:
        article_statement().execute(cursor, parameters)
        row = cursor.fetchone()
    if row is None:
        return None
    article = instance(Article, row[0], db)
    Article.section.field.set_cached_value(article, instance(Section, row[1], db) if row[1] else None)
    Article.lead_photo.field.set_cached_value(article, instance(Photo, row[2], db) if row[2] else None)
    return article


def load_relations(article):
    """Fill the article's bylines, the prefetch caches of CACHED, its body photos, neighbours and related
    articles in one query; returns the article."""
    db = article._state.db or "default"
    with connections[db].cursor() as cursor:
        content_type = ContentType.objects.db_manager(db).get_for_model(Article).pk
        parameters = {
            "article": article.pk,
            "content_type": content_type,
            "photos": body_photo_ids(article.body),
            "published": Article.Status.PUBLISHED,
            "now": timezone.now(),
            "section": article.section_id,
            "at": article.published_at,
            "candidates": RELATED_CANDIDATES,
            "related": RELATED_ARTICLES,
        }
        statement().execute(cursor, parameters)
        bylines, *cached, photos, previous, following, related = cursor.fetchone()
    people = []
    for row in bylines:
        byline = instance(Byline, row["byline"], db)
        Byline.reporter.field.set_cached_value(byline, instance(Reporter, row["reporter"], db))
        people.append(byline)
    setattr(article, BYLINES_ATTR, people)
    tags, organisations, events, sessions, corrections = cached
    sessions_with_events = []
    for row in sessions:
        session = instance(Session, row["session"], db)
        Session.event.field.set_cached_value(session, instance(Event, row["event"], db))
        sessions_with_events.append(session)
    loaded = {
        "tags": [instance(Tag, row, db) for row in tags],
        "organisations": [instance(Organisation, row, db) for row in organisations],
        "events": [instance(Event, row, db) for row in events],
        "sessions": sessions_with_events,
        "corrections": [instance(Correction, row, db) for row in corrections],
    }
    for name in CACHED:
        remember(article, name, loaded[name])
    setattr(article, BODY_PHOTOS_ATTR, {photo.pk: photo for photo in (instance(Photo, row, db) for row in photos)})
    setattr(article, PREVIOUS_ATTR, instance(Article, previous, db) if previous else None)
    setattr(article, NEXT_ATTR, instance(Article, following, db) if following else None)
    setattr(article, RELATED_ATTR, [instance(Article, row, db) for row in related])
    return article
