"""Health checks for load balancers: `/healthz` (alive) and `/readyz` (ready to serve).

They answer in a middleware that runs before host validation, sessions and any
page cache: a load balancer probes each app server by its own address over plain
HTTP, and the answer must come from the process, never from a cache. The body
says which check failed and nothing more; the reason goes to the log.
"""

import functools
import logging
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

OK, FAILED, PENDING, UNKNOWN = "ok", "failed", "pending", "unknown"


class HealthCheckMiddleware:
    """Answer GET or HEAD on /healthz and /readyz; pass every other request on."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.routes = {"/healthz": healthz, "/readyz": readyz}

    def __call__(self, request):
        check = self.routes.get(request.path_info)
        if check is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponseNotAllowed(["GET", "HEAD"])
        else:
            response = check()
        add_never_cache_headers(response)
        return response


def healthz():
    """The process is up and answering; nothing else is checked."""
    return JsonResponse({"status": OK})


def readyz():
    """The database and the cache answer, and every migration is applied: 200, else 503."""
    checks = {"database": check_database(), "cache": check_cache()}
    checks["migrations"] = check_migrations() if checks["database"] == OK else UNKNOWN
    ready = all(result == OK for result in checks.values())
    return JsonResponse(
        {"status": OK if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


def check_database():
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.warning("readyz: the database is unreachable", exc_info=True)
        return FAILED
    return OK


# One key per process, so app servers sharing a cache never read each other's.
CACHE_PROBE_KEY = f"byline:readyz:{uuid.uuid4().hex}"


def check_cache():
    token = uuid.uuid4().hex
    try:
        cache.set(CACHE_PROBE_KEY, token, timeout=60)
        answered = cache.get(CACHE_PROBE_KEY) == token
    except Exception:
        logger.warning("readyz: the cache is unreachable", exc_info=True)
        return FAILED
    if not answered:
        logger.warning("readyz: the cache did not return what was stored")
        return FAILED
    return OK


@functools.cache
def known_migrations():
    """Return the migrations this code ships, read from disk once per process."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def check_migrations():
    try:
        recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
        applied = set(recorder.applied_migrations())
    except Exception:
        logger.warning("readyz: could not read the applied migrations", exc_info=True)
        return FAILED
    missing = known_migrations() - applied
    if missing:
        logger.warning("readyz: %d migrations are not applied", len(missing))
        return PENDING
    return OK
