"""Stored pages: their cache keys, and how one is sent back."""

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from django.conf import settings as django_settings
from django.http import HttpResponse, HttpResponseNotModified

from . import settings

# How long a stored page may sit in the cache at most, valid or stale.
STORE_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class Entry:
    """A stored page: what to send, and until when it may be sent."""

    generation: int
    valid_until: float
    etag: str
    status: int
    headers: tuple
    content: bytes

    def is_fresh(self, generation, now):
        return self.generation == generation and now < self.valid_until

    def header_list(self, *, now, stale=False):
        """Return the response headers for sending this page at `now`."""
        return [
            *self.headers,
            ("ETag", self.etag),
            ("Cache-Control", cache_control(0 if stale else self.valid_until - now)),
            ("X-Page-Cache", "stale" if stale else "hit"),
        ]

    def response(self, request, *, now, stale=False):
        """Return this page as a Django response (inside the middleware)."""
        if request.headers.get("If-None-Match") == self.etag:
            response = HttpResponseNotModified()
            for name, value in self.header_list(now=now, stale=stale)[-3:]:
                response[name] = value
            return response
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.header_list(now=now, stale=stale):
            response[name] = value
        return response


def cache_control(seconds_valid):
    """Browsers revalidate (cheaply, by ETag); CDNs keep the page briefly."""
    shared = max(0, min(settings.shared_max_age(), int(seconds_valid)))
    return (
        f"public, max-age=0, s-maxage={shared}, "
        f"stale-while-revalidate={settings.stale_while_revalidate()}, "
        f"stale-if-error={settings.stale_if_error()}"
    )


def _session_cookie():
    name = re.escape(django_settings.SESSION_COOKIE_NAME)
    return re.compile(rf"(?:^|;)\s*{name}=")


def _is_secure(meta):
    """Return True for HTTPS, directly or through the trusted proxy's header."""
    if meta.get("wsgi.url_scheme") == "https":
        return True
    proxy_header = django_settings.SECURE_PROXY_SSL_HEADER
    return bool(proxy_header) and meta.get(proxy_header[0]) == proxy_header[1]


def page_key(meta):
    """Return the cache key for an anonymous reader's GET, or None to bypass.

    `meta` is a WSGI environ or Django's `request.META`: both layers that read
    the cache (the WSGI front and the middleware) must agree on the key.
    """
    if not settings.enabled() or meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    # A signed-in editor (a session cookie) never reads or writes the cache.
    if _session_cookie().search(meta.get("HTTP_COOKIE", "")):
        return None
    secure = _is_secure(meta)
    if django_settings.SECURE_SSL_REDIRECT and not secure:
        # Django redirects this request to HTTPS; never answer it with a page.
        return None
    query = parse_qsl(meta.get("QUERY_STRING", ""), keep_blank_values=True)
    if not {name for name, _ in query} <= settings.query_parameters():
        return None
    # The raw Host header is safe here: only a full render, which validates
    # the host against ALLOWED_HOSTS, ever stores a page under it.
    path = meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", "")
    # Pages hold absolute addresses (canonical, share links): one per scheme.
    scheme = "https" if secure else "http"
    parts = f"{scheme}|{meta.get('HTTP_HOST', '')}|{path}|{sorted(query)}"
    digest = hashlib.md5(parts.encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:page:{digest}"
