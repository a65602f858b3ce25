"""Our SQLite backend writes every query as Django's does, converting each text once."""

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import SQLiteCursorWrapper as DjangoCursor

from cms.backends.sqlite3.base import qmark_style

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite backend runs on SQLite only"
)

QUERIES = [
    "SELECT %s",
    'SELECT "a" FROM "t" WHERE "b" = %s AND "c" IN (%s, %s)',
    "SELECT '100%%' WHERE %s LIKE %s ESCAPE '\\'",
    "SELECT '%%s is literal', %s",
    "SELECT 1",
]


@pytest.mark.parametrize("query", QUERIES)
def test_placeholders_are_converted_as_djangos_cursor_converts_them(query):
    assert qmark_style(query) == DjangoCursor.convert_query(None, query)


@pytest.mark.django_db
def test_queries_run_through_the_backend_with_their_own_values():
    assert connection.settings_dict["ENGINE"] == "cms.backends.sqlite3"
    with connection.cursor() as cursor:
        for value in ["radar", "100%", "%s"]:
            cursor.execute("SELECT %s, '50%%', %s LIKE %s", [value, value, value])
            assert cursor.fetchone() == (value, "50%", 1)
