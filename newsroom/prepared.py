"""Server-side prepared statements for the article and event pages' own SQL (articles/page.py,
comments/listing.py, events/page.py).

Those statements read a page's relations in one go, and PostgreSQL spent longer planning them than
running them: the article page's statement took 1 ms to plan and 0.7 ms to run. psycopg2 has no
prepared statements, so `Prepared` sends `PREPARE` the first time a database connection runs a
statement and `EXECUTE` from then on. Plans are generic (the connection sets `plan_cache_mode`,
newsroom/settings.py): the statements look rows up by id and walk indexes with a LIMIT, which a
generic plan does as well as a custom one, and PostgreSQL's default would plan every call at 100,000
articles. A prepared statement outlives a rolled-back transaction and is dropped with its connection;
PostgreSQL plans it again when a table it reads changes (a migration).
"""

import hashlib
import re
import weakref

# Django's placeholders, %(name)s or %s (not both in one statement); %% is a literal %.
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%s|%%")
# The statements prepared on each open connection (psycopg2's), forgotten with the connection.
PREPARED = weakref.WeakKeyDictionary()


class Prepared:
    """One statement with %(name)s or %s parameters, run as a prepared statement: `Prepared(sql).execute(cursor,
    parameters)` in place of `cursor.execute(sql, parameters)`, parameters a dict or a sequence as the
    placeholders say. Made once per process (a module's @cache) or per statement text (search/queries.py)."""

    def __init__(self, sql):
        self.name = "newsroom_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
        self.keys = []  # the parameter each $n stands for: a name, or a position for %s
        kinds = set()

        def number(match):
            if match[0] == "%%":
                return "%"
            key = len(self.keys) if match[0] == "%s" else match[1]
            kinds.add(type(key))
            if key not in self.keys:
                self.keys.append(key)
            return f"${self.keys.index(key) + 1}"

        self.prepare = f"PREPARE {self.name} AS {PLACEHOLDER.sub(number, sql)}"
        if len(kinds) > 1:
            raise ValueError("a statement takes %(name)s or %s placeholders, not both")
        self.run = f"EXECUTE {self.name}({', '.join(['%s'] * len(self.keys))})" if self.keys else f"EXECUTE {self.name}"

    def execute(self, cursor, parameters=None, before=""):
        """Run on a Django cursor, preparing the statement first on a connection that has not yet. `before`
        (SQL ending in ";") goes in the same message as the EXECUTE: a set_config(…, true) there holds for it."""
        if "%" in before:  # psycopg2 would read it as a placeholder whenever the statement has parameters
            raise ValueError("SQL sent before a prepared statement takes no % sign")
        known = PREPARED.setdefault(cursor.db.connection, set())
        if self.name not in known:
            cursor.execute(self.prepare)
            known.add(self.name)
        cursor.execute(before + self.run, [parameters[key] for key in self.keys] or None)
