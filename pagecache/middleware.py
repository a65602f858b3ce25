"""Serve anonymous readers from the page cache; store what reader views mark.

This middleware comes first, so a hit returns before sessions, users,
messages or CSRF are looked at. A request with a session cookie (a signed-in
editor) neither reads nor writes the cache.
"""

import hashlib
import logging
import time
from datetime import UTC, datetime

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from . import settings
from .entries import STORE_SECONDS, Entry, cache_control, page_key
from .generation import CacheUnavailable, generation_and_page, page_cache

logger = logging.getLogger("pagecache")
# An outage is logged once per this many seconds, not once per request.
OUTAGE_LOG_INTERVAL = 60
# Headers a stored page is sent without: they belong to one response, or the
# page cache sets them itself. Everything else (content type, security
# headers, surrogate keys) goes out with every hit as it did with the render.
UNSTORED_HEADERS = {
    "set-cookie",
    "content-length",
    "date",
    "etag",
    "cache-control",
    "expires",
    "last-modified",
    "x-page-cache",
}


def database_answers():
    """Return True when the database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except (OperationalError, InterfaceError):
        return False
    return True


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.last_outage_logged = 0.0

    def __call__(self, request):
        key = self.key_for(request)
        if key is None:
            return self.get_response(request)
        now = timezone.now().timestamp()
        try:
            generation, entry = generation_and_page(key)
        except Exception as error:
            self.log_outage(error)
            return self.get_response(request)
        if entry is not None and entry.is_fresh(generation, now):
            return entry.response(request, now=now)
        request.page_cache_stale_entry = entry
        response = self.get_response(request)
        if self.storable(request, response):
            self.store(key, response, generation=generation, now=now)
            if request.headers.get("If-None-Match") == response["ETag"]:
                # Re-rendered, but the reader already holds these very bytes.
                unchanged = HttpResponseNotModified()
                for name in ("ETag", "Cache-Control", "X-Page-Cache"):
                    unchanged[name] = response[name]
                return unchanged
        return response

    def process_exception(self, request, exception):
        """With the database down, send a stale copy if one is kept, else a 503."""
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if database_answers():
            # A query failed, but the database is up (a missing table, a bad
            # query): that is a bug to report as a 500, not an outage.
            return None
        entry = getattr(request, "page_cache_stale_entry", None)
        now = timezone.now().timestamp()
        if entry is not None and now < entry.valid_until + settings.stale_if_error():
            logger.warning("Database unavailable; serving a stale %s", request.path)
            return entry.response(request, now=now, stale=True)
        logger.error("Database unavailable while rendering %s", request.path)
        response = HttpResponse(render_to_string("503.html", request=None), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response

    # ------------------------------------------------------------ helpers

    @staticmethod
    def key_for(request):
        return page_key(request.META)

    @staticmethod
    def storable(request, response):
        return (
            getattr(response, "page_cache_keys", None) is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and request.method == "GET"
        )

    def store(self, key, response, *, generation, now):
        # The page is the same for every anonymous reader: no Vary: Cookie.
        if response.has_header("Vary"):
            kept = [v for v in response["Vary"].split(",") if v.strip() != "Cookie"]
            del response["Vary"]
            if kept:
                patch_vary_headers(response, [v.strip() for v in kept])
        valid_until = self.valid_until(now)
        content = response.content
        etag = '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'
        entry = Entry(
            generation=generation,
            valid_until=valid_until,
            etag=etag,
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ),
            content=content,
        )
        try:
            page_cache().set(key, entry, timeout=STORE_SECONDS)
        except Exception as error:
            self.log_outage(error)
            return
        response["ETag"] = etag
        response["Cache-Control"] = cache_control(valid_until - now)
        response["X-Page-Cache"] = "miss"

    @staticmethod
    def valid_until(now):
        """Return when a page rendered now stops being valid (a scheduled change)."""
        limit = now + settings.timeout()
        next_change = settings.hook("PAGE_CACHE_NEXT_CHANGE")
        if next_change is None:
            return limit
        moment = next_change(datetime.fromtimestamp(now, tz=UTC))
        return min(limit, moment.timestamp()) if moment else limit

    def log_outage(self, error):
        if isinstance(error, CacheUnavailable):
            error = error.__cause__ or error
        now = time.monotonic()
        if now - self.last_outage_logged >= OUTAGE_LOG_INTERVAL:
            self.last_outage_logged = now
            logger.error("Page cache unavailable, rendering uncached: %s", error)
