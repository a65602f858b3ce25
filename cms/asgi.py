"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

application = get_asgi_application()

# Imported once Django is set up: the check reads the static files storage.
from cms.startup import require_collected_static  # noqa: E402

require_collected_static()
