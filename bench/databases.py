"""Fresh benchmark databases: create, migrate, seed, and remove them afterwards."""

import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
WORK_DIR = ROOT / "var" / "bench"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/{name}"
# One key per harness run: DEBUG is off, so the settings insist on one.
SECRET_KEY = f"bench-only-{secrets.token_urlsafe(32)}"


def django_env(base, database_url):
    """Return the environment for manage.py, the in-process run and gunicorn."""
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CACHE_URL": "locmemcache://bench",
        # The figures are renders: with the page cache on, every page after the
        # first would be a cache hit with no query at all.
        "PAGE_CACHE": "off",
        "SERVE_MEDIA": "false",
        "STATIC_ROOT": str(WORK_DIR / "static"),
        "MEDIA_ROOT": str(WORK_DIR / "media"),
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def setup_django():
    """Set Django up in this process with the harness's settings, touching no database.

    The report imports constants from the app (`bench.report.code_constants`).
    """
    import django

    os.environ.update(django_env({}, "sqlite:///:memory:"))
    django.setup()


def manage(env, *args):
    """Run `manage.py` with `args` in the benchmark environment."""
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def postgres_admin():
    """Connect to the PostgreSQL server's maintenance database, in autocommit mode."""
    try:
        return psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        raise SystemExit(
            "PostgreSQL is unreachable on 127.0.0.1:5432 (user postgres). Start it, "
            f"or run with --databases sqlite.\n{error}"
        ) from error


def postgres_version():
    """Return the PostgreSQL server's version string."""
    with postgres_admin() as admin:
        return admin.execute("SHOW server_version").fetchone()[0]


def _remove_sqlite(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def sqlite_database(size, *, keep=False):
    """Yield the URL of an empty SQLite file for `size` stories; delete it afterwards."""
    path = WORK_DIR / f"byline-{size}.sqlite3"
    _remove_sqlite(path)
    try:
        yield f"sqlite:///{path}"
    finally:
        if not keep:
            _remove_sqlite(path)


@contextmanager
def postgres_database(size, *, keep=False):
    """Yield the URL of a new, empty PostgreSQL database; drop it afterwards."""
    name = f"byline_bench_{size}"
    with postgres_admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield POSTGRES_URL.format(name=name)
    finally:
        if not keep:
            with postgres_admin() as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


DATABASES = {"sqlite": sqlite_database, "postgres": postgres_database}


def build(env, *, engine, size):
    """Migrate the empty database in `env`, seed `size` synthetic stories, analyse it."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "--articles", str(size))
    if engine == "postgres":
        # Autovacuum would do this within a minute of a bulk load in production;
        # doing it now gives the planner the same statistics on every run.
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
