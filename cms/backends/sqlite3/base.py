"""Django's SQLite backend, turning each SQL text's placeholders into SQLite's once.

Django writes `%s` placeholders and its SQLite cursor rewrites them as `?` with a
regular expression on every query: 20 to 50 µs for a reader page's query of one
to three kilobytes, about 2% of an uncached page (bench/analysis.md, finding
21). Reader queries are prepared (`articles/prepared.py`), so the same few texts
come back on every request; the rewritten text is kept for the most recent ones.
"""

from functools import lru_cache

from django.db.backends.sqlite3 import base

# Distinct SQL texts kept (a few kilobytes each).
KEPT_TEXTS = 256


@lru_cache(maxsize=KEPT_TEXTS)
def qmark_style(query):
    """`query` with Django's `%s` placeholders as SQLite's `?`, as Django writes it."""
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query, *, param_names=None):
        if param_names is None:
            return qmark_style(query)
        return super().convert_query(query, param_names=param_names)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
