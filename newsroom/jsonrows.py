"""Model instances from rows PostgreSQL returned as JSON (row_to_json), for pages that read many
relations in one statement instead of one ORM query each (articles/page.py, articles/lists.py,
events/page.py, comments/listing.py, publication/frontpage.py), and the names those statements use."""

import functools

from django.db import connections
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.files import FileDescriptor, ImageFileDescriptor
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query import QuerySet
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init


def quote(name):
    """A table or column name as SQL (every database of the site is PostgreSQL)."""
    return connections["default"].ops.quote_name(name)


def table(model):
    return quote(model._meta.db_table)


def instance(model, row, db):
    """A saved instance from a row_to_json() object, each column converted as its field reads it; columns
    the row lacks are deferred (loaded on first use, as with only())."""
    attnames, readers = row_fields(model, tuple(row))
    values = [read(row[column]) for column, read in readers]
    setters = own_setters(model)
    if setters is None or pre_init.has_listeners(model):
        return model.from_db(db, attnames, values)
    # What Model.from_db() makes, without running __init__, which for a model with no __init__ of its own
    # and no pre_init listener does this: each value stored through its field's descriptor, post_init
    # sent, the instance marked saved. A plain descriptor's __set__ only puts the value in __dict__, so those go
    # there at once; __init__ was half the cost of an instance (a list page makes eighty).
    # tests/site/test_json_rows.py compares the two for every model read this way.
    obj = model.__new__(model)
    obj._state = state = ModelState()
    if not setters:
        obj.__dict__.update(zip(attnames, values, strict=True))
    else:
        for attname, value in zip(attnames, values, strict=True):
            if attname in setters:
                setattr(obj, attname, value)
            else:
                obj.__dict__[attname] = value
    if post_init.has_listeners(model):
        post_init.send(sender=model, instance=obj)  # as from_db() sends it: before the state says saved
    state.adding, state.db = False, db
    return obj


# Descriptors whose __set__, on a new instance, only stores the value in the instance's __dict__
# (ImageFileDescriptor and ForeignKeyDeferredAttribute do more only when a value was there before).
PLAIN_DESCRIPTORS = (DeferredAttribute, ForeignKeyDeferredAttribute, FileDescriptor, ImageFileDescriptor)


@functools.cache
def own_setters(model):
    """The attnames of the model's concrete fields whose descriptor does more than store the value (set
    through it, as __init__ does), or None when the model makes its instances its own way (an __init__,
    from_db() or __setattr__ of its own, or a base class's __init__ that Model.__init__ calls)."""
    if model.__init__ is not Model.__init__ or model.from_db.__func__ is not Model.from_db.__func__:
        return None
    # Model.__init__ ends with super().__init__(): a base after Model with an __init__ of its own, or a
    # __setattr__ of the model's, does more than this path knows.
    after = model.__mro__[model.__mro__.index(Model) + 1 : -1]
    if model.__setattr__ is not object.__setattr__ or any("__init__" in vars(base) for base in after):
        return None
    fields = model._meta.concrete_fields
    return frozenset(f.attname for f in fields if type(model.__dict__.get(f.attname)) not in PLAIN_DESCRIPTORS)


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
