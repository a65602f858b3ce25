"""The raw floor: a page's stored bytes, handed out with nothing else to do.

The harness serves it with the same gunicorn settings as Byline, from one file,
settings included: no middleware, no apps, no database, no templates. Both
applications return the bytes of the file named by `BENCH_RAW_FLOOR_BODY` (the
story page exactly as Byline's page cache served it), read once at start-up.

- `application`, the **raw floor**: a Django view, with no middleware, returns
  the bytes. The fastest a Django app on this machine answers with that page,
  the same kind of floor as ../shared/peer-bench's `floor` target.
- `bare_application`: a plain WSGI function, no Django at all. What gunicorn
  alone costs; a cache answering before Django's handler runs can approach it.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY_VARIABLE = "BENCH_RAW_FLOOR_BODY"
CONTENT_TYPE = "text/html; charset=utf-8"

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-raw-floor-only",
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_I18N=False,
        USE_TZ=True,
        DEFAULT_CHARSET="utf-8",
    )

BODY = Path(os.environ[BODY_VARIABLE]).read_bytes()
BARE_HEADERS = [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(BODY)))]


def raw_floor(request):
    """Return the stored bytes (Django's default content type is CONTENT_TYPE)."""
    return HttpResponse(BODY)


def bare_application(environ, start_response):
    """Return the stored bytes from plain WSGI, whatever the path."""
    start_response("200 OK", BARE_HEADERS)
    return [BODY]


urlpatterns = [path("", raw_floor)]

application = get_wsgi_application()
