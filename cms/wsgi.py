"""WSGI entry point for gunicorn and other WSGI servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

# Django is set up first: the page cache front reads its settings and caches.
application = get_wsgi_application()

from pagecache.wsgi import CachedPagesFirst  # noqa: E402

application = CachedPagesFirst(application)
