"""Model instances from rows PostgreSQL returned as JSON (row_to_json), for pages that read many
relations in one statement instead of one ORM query each (articles/page.py, articles/lists.py,
events/page.py, comments/listing.py, publication/frontpage.py), and the names those statements use."""

import functools

from django.db import connections
from django.db.models.query import QuerySet


def quote(name):
    """A table or column name as SQL (every database of the site is PostgreSQL)."""
    return connections["default"].ops.quote_name(name)


def table(model):
    return quote(model._meta.db_table)


def instance(model, row, db):
    """A saved instance from a row_to_json() object, each column converted as its field reads it; columns
    the row lacks are deferred (loaded on first use, as with only())."""
    attnames, readers = row_fields(model, tuple(row))
    return model.from_db(db, attnames, [read(row[column]) for column, read in readers])


@functools.lru_cache(maxsize=256)
def row_fields(model, columns):
    """(attnames, [(column, to_python)]) of the model's concrete fields among `columns`, in the model's order:
    a statement returns the same columns for every row, and finding them was a third of making an instance."""
    fields = [field for field in model._meta.concrete_fields if field.column in columns]
    return tuple(field.attname for field in fields), tuple((field.column, field.to_python) for field in fields)


class Loaded(QuerySet):
    """What remember() stores: a relation's rows, already read. Reading them (iterating, len(), bool(),
    count(), exists(), indexing) costs nothing more. Anything that needs the relation's query (chaining a
    filter or an order, a subquery, `.query`, iterator()) gets the queryset Django's related manager
    makes, so the answer is always Django's. Making that queryset for every relation a page shows (the
    manager, its filters, two clones) was 0.2 ms each, a millisecond of an article page."""

    _unbuilt = object()

    @classmethod
    def holding(cls, obj, name, objects, db):
        loaded = cls(model=obj._meta.get_field(name).related_model, query=cls._unbuilt, using=db)
        loaded._result_cache, loaded._prefetch_done = objects, True
        loaded._owner, loaded._name, loaded._relation = obj, name, None
        return loaded

    def relation(self):
        """obj.<name>.all() as Django makes it, without these rows in its place."""
        if self._relation is None:
            cache = self._owner._prefetched_objects_cache
            mine = cache.pop(self._name)
            try:
                self._relation = getattr(self._owner, self._name).all()
            finally:
                cache[self._name] = mine
        return self._relation

    @property
    def query(self):
        return self.relation().query

    @query.setter
    def query(self, value):
        raise AttributeError("a loaded relation's query is its manager's")

    def _clone(self):
        return self.relation()._clone()

    def iterator(self, chunk_size=None):
        return self.relation().iterator(chunk_size)


def remember(obj, name, objects):
    """Put objects where prefetch_related(name) would have: obj.<name>.all() then runs no query."""
    if not hasattr(obj, "_prefetched_objects_cache"):
        obj._prefetched_objects_cache = {}
    obj._prefetched_objects_cache[name] = Loaded.holding(obj, name, objects, obj._state.db)
