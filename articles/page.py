"""What an article page reads besides the article row: its relations, in one query instead of seven.

Bylines (with their reporters), tags, organisations, events, sessions (with their events),
corrections and the library photos placed in the body come back as JSON arrays from one
statement. Each row becomes a model instance (`Model.from_db`, every column present, so nothing
is deferred) and lands where Django's own prefetch would have put it, so the template, the
JSON-LD and `related_to()` read them unchanged; the body's photos go to BODY_PHOTOS_ATTR for
`{% article_body %}`. Six prefetch queries cost more in Python (building, compiling and matching
six querysets) than in the database; this statement is built once per process.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Correction, body_photo_ids
from articles.models.article import BYLINES_ATTR
from events.models import Event, Session
from organisations.models import Organisation
from photos.models import Photo
from reporters.models import Reporter

# The related managers whose prefetch caches the page fills, in the statement's column order.
CACHED = ("tags", "organisations", "events", "sessions", "corrections")
# {photo id: Photo} of the library photos the body places, for {% article_body %}.
BODY_PHOTOS_ATTR = "body_photos"


def table(model):
    return connections["default"].ops.quote_name(model._meta.db_table)


@cache
def statement():
    """The SQL, built from the models' tables (the same on every database of the site)."""
    byline, reporter, correction = table(Byline), table(Reporter), table(Correction)
    tag, tagged = table(Tag), table(TaggedItem)
    organisation, event, session = table(Organisation), table(Event), table(Session)
    organisations, events = table(Article.organisations.through), table(Article.events.through)
    sessions, photo = table(Article.sessions.through), table(Photo)
    return f"""
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
                                    ORDER BY s.event_id, s."order", s.id), '[]')
             FROM {sessions} l JOIN {session} s ON s.id = l.session_id JOIN {event} e ON e.id = s.event_id
            WHERE l.article_id = %(article)s),
          (SELECT coalesce(json_agg(row_to_json(c) ORDER BY c.date, c.id), '[]')
             FROM {correction} c WHERE c.article_id = %(article)s),
          (SELECT coalesce(json_agg(row_to_json(p)), '[]') FROM {photo} p WHERE p.id = ANY(%(photos)s::bigint[]))
    """  # noqa: S608 - table names from model metadata; every value is a parameter


def instance(model, row, db):
    """A saved instance from a row_to_json() object: every concrete column, converted as the field reads it."""
    fields = model._meta.concrete_fields
    return model.from_db(db, [f.attname for f in fields], [f.to_python(row[f.column]) for f in fields])


def remember(article, name, objects):
    """Put objects where prefetch_related(name) would have: article.<name>.all() then runs no query."""
    queryset = getattr(article, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    article._prefetched_objects_cache[name] = queryset


def load_relations(article):
    """Fill the article's bylines, the prefetch caches of CACHED and its body photos in one query; returns it."""
    db = article._state.db or "default"
    with connections[db].cursor() as cursor:
        content_type = ContentType.objects.db_manager(db).get_for_model(Article).pk
        photos = body_photo_ids(article.body)
        cursor.execute(statement(), {"article": article.pk, "content_type": content_type, "photos": photos})
        bylines, *cached, photos = cursor.fetchone()
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
    if not hasattr(article, "_prefetched_objects_cache"):
        article._prefetched_objects_cache = {}
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
    return article
