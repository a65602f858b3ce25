"""WSGI entry point for gunicorn and other WSGI servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

# Django is set up first: the page cache front reads its settings and caches.
application = get_wsgi_application()

# Imported once Django is set up: the check reads the static files storage.
from cms.startup import require_collected_static  # noqa: E402

require_collected_static()

from pagecache.wsgi import CachedPagesFirst  # noqa: E402

application = CachedPagesFirst(application)
