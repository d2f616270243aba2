"""What an event page reads besides the event row: its organisers and its sessions with theirs, in one
query instead of three (articles/page.py does the same for an article page).

The rows land where prefetch_related() would have put them, so the template and the JSON-LD read
`event.organisers.all()`, `event.sessions.all()` and `session.organisations.all()` unchanged.
"""

from functools import cache

from django.db import connections

from events.models import Event, Session
from newsroom.jsonrows import instance, remember, table
from newsroom.prepared import Prepared
from organisations.models import Organisation


@cache
def statement():
    """The SQL, built from the models' tables."""
    organisation, session = table(Organisation), table(Session)
    organisers, session_organisations = table(Event.organisers.through), table(Session.organisations.through)
    return Prepared(f"""
        SELECT
          (SELECT coalesce(json_agg(row_to_json(o) ORDER BY o.name, o.id), '[]')
             FROM {organisers} l JOIN {organisation} o ON o.id = l.organisation_id WHERE l.event_id = %(event)s),
          (SELECT coalesce(json_agg(json_build_object('session', row_to_json(s), 'organisations', (
                    SELECT coalesce(json_agg(row_to_json(o) ORDER BY o.name, o.id), '[]')
                      FROM {session_organisations} l JOIN {organisation} o ON o.id = l.organisation_id
                     WHERE l.session_id = s.id)) ORDER BY s."order", s.id), '[]')
             FROM {session} s WHERE s.event_id = %(event)s)
    """)  # noqa: S608 - table names from model metadata; every value is a parameter


def load_relations(event):
    """Fill the event's organisers and sessions (each with its organisations) in one query; returns it."""
    db = event._state.db or "default"
    with connections[db].cursor() as cursor:
        statement().execute(cursor, {"event": event.pk})
        organisers, sessions = cursor.fetchone()
    remember(event, "organisers", [instance(Organisation, row, db) for row in organisers])
    loaded = []
    for row in sessions:
        session = instance(Session, row["session"], db)
        Session.event.field.set_cached_value(session, event)
        remember(session, "organisations", [instance(Organisation, o, db) for o in row["organisations"]])
        loaded.append(session)
    remember(event, "sessions", loaded)
    return event
