"""WSGI entry point for gunicorn and other WSGI servers."""

import gc
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

# What start-up made (modules, settings, URL patterns, compiled templates and
# queries) lives as long as the worker: kept out of the collector's rounds, the
# collector walks only what requests make. Before gunicorn forks (preload_app),
# this also keeps the workers' shared memory pages unwritten by it.
gc.freeze()
