"""The site's generation: one counter that every stored page is checked against.

With a shared cache (Redis) the counter lives there, so a change made on one
app server makes pages stale on all of them. The local-memory cache belongs to
one process, so with it the counter is a file's modification time instead:
every worker on the machine sees a bump at once, for the cost of one stat().
"""

import logging
import os
import time
from functools import partial
from pathlib import Path

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

from . import settings

logger = logging.getLogger("pagecache")
GENERATION_KEY = "pagecache:generation"


class CacheUnavailable(Exception):
    """The cache backend did not answer; pages render uncached meanwhile."""


def page_cache():
    return caches[settings.alias()]


def _counter_file(cache):
    """Return the counter file when `cache` belongs to this process, else None."""
    if isinstance(cache, LocMemCache):
        return settings.generation_file()
    return None


def current_generation():
    """Return the generation now; raise CacheUnavailable if it cannot be read."""
    cache = page_cache()
    path = _counter_file(cache)
    if path is not None:
        try:
            return os.stat(path).st_mtime_ns
        except FileNotFoundError:
            return 0
    try:
        return cache.get(GENERATION_KEY, 0)
    except Exception as error:
        raise CacheUnavailable(str(error)) from error


def generation_and_page(key):
    """Return (the generation now, the page stored under `key` or None).

    With a shared cache both come in one round trip: with Redis, a hit is a
    single MGET. Raise CacheUnavailable if the cache cannot be read.
    """
    cache = page_cache()
    path = _counter_file(cache)
    try:
        if path is not None:
            return current_generation(), cache.get(key)
        found = cache.get_many([GENERATION_KEY, key])
    except CacheUnavailable:
        raise
    except Exception as error:
        raise CacheUnavailable(str(error)) from error
    return found.get(GENERATION_KEY, 0), found.get(key)


def _bump():
    cache = page_cache()
    path = _counter_file(cache)
    if path is not None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        previous = current_generation()
        # Strictly increasing even when two bumps land in one clock tick.
        stamp = max(time.time_ns(), previous + 1)
        path.touch()
        os.utime(path, ns=(stamp, stamp))
        return
    cache.add(GENERATION_KEY, 0, timeout=None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # Evicted between add() and incr(): start again above any page's number.
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def content_changed(*keys):
    """Make every cached page stale once the change is committed, and tell the
    CDN purge hook which keys changed.

    `keys` are surrogate keys ("story-12", "section-3"…) for the purge hook;
    the page cache itself drops everything, which is always correct. Waiting
    for the commit matters: a page rendered before it would still show the old
    content, and must not be stored as current.
    """
    transaction.on_commit(partial(_mark_stale, keys))


def _mark_stale(keys):
    try:
        _bump()
    except Exception:
        # Never fail an editor's save because the cache is down; the pages it
        # holds expire by their own timeouts, and the outage is in the log.
        logger.exception("Could not mark cached pages stale after a change.")
    purge = settings.hook("PAGE_CACHE_PURGE")
    if purge is not None and keys:
        try:
            purge(sorted(set(keys)))
        except Exception:
            logger.exception("The CDN purge hook failed for %s.", keys)
