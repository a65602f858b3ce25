"""Checks a server process makes once, before it answers anyone."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages


def require_collected_static():
    """Refuse to start when DEBUG is off and `collectstatic` has not run.

    With DEBUG off, pages name static files by their hashed names, read from the
    manifest `collectstatic` writes. Without it every page, error pages
    included, would fail with "Missing staticfiles manifest entry": better to
    stop here and say what to run.
    """
    storage = storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.exists(
        storage.manifest_name
    ):
        raise ImproperlyConfigured(
            f"Static files have not been collected into STATIC_ROOT "
            f"({settings.STATIC_ROOT}). Run `python manage.py collectstatic "
            f"--noinput` before starting the server (`make serve` does)."
        )
