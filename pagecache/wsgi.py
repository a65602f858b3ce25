"""Answer anonymous readers from the page cache before Django's handler runs.

Wrapped around the WSGI application (`cms/wsgi.py`), a hit costs a stat() or
a Redis round trip and a cache read: no request object, no signals, no URL
resolving. Anything else, and any doubt, goes to Django, whose middleware
renders, stores and serves stale pages when the database is down.
"""

import logging
from http import HTTPStatus

from django.utils import timezone

from .entries import page_key
from .generation import generation_and_page

logger = logging.getLogger("pagecache")


class CachedPagesFirst:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = page_key(environ)
        if key is None:
            return self.application(environ, start_response)
        try:
            generation, entry = generation_and_page(key)
        except Exception:
            # The middleware behind will log the outage and render uncached.
            return self.application(environ, start_response)
        now = timezone.now().timestamp()
        if entry is None or not entry.is_fresh(generation, now):
            return self.application(environ, start_response)
        headers = entry.header_list(now=now)
        if environ.get("HTTP_IF_NONE_MATCH") == entry.etag:
            start_response("304 Not Modified", headers[-3:])
            return []
        body = b"" if environ["REQUEST_METHOD"] == "HEAD" else entry.content
        status = HTTPStatus(entry.status)
        start_response(
            f"{status.value} {status.phrase}",
            [*headers, ("Content-Length", str(len(entry.content)))],
        )
        return [body]
