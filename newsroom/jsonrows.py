"""Model instances from rows PostgreSQL returned as JSON (row_to_json), for pages that read many
relations in one statement instead of one ORM query each (articles/page.py, articles/lists.py,
events/page.py, comments/listing.py, publication/frontpage.py), and the names those statements use."""

from django.db import connections


def quote(name):
    """A table or column name as SQL (every database of the site is PostgreSQL)."""
    return connections["default"].ops.quote_name(name)


def table(model):
    return quote(model._meta.db_table)


def instance(model, row, db):
    """A saved instance from a row_to_json() object, each column converted as its field reads it; columns
    the row lacks are deferred (loaded on first use, as with only())."""
    fields = [field for field in model._meta.concrete_fields if field.column in row]
    return model.from_db(db, [f.attname for f in fields], [f.to_python(row[f.column]) for f in fields])


def remember(obj, name, objects):
    """Put objects where prefetch_related(name) would have: obj.<name>.all() then runs no query."""
    queryset = getattr(obj, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(obj, "_prefetched_objects_cache"):
        obj._prefetched_objects_cache = {}
    obj._prefetched_objects_cache[name] = queryset
