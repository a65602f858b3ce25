"""The page cache's settings, read from Django settings with safe defaults."""

from django.conf import settings
from django.utils.module_loading import import_string


def enabled():
    return getattr(settings, "PAGE_CACHE", True)


def alias():
    return getattr(settings, "PAGE_CACHE_ALIAS", "default")


def timeout():
    """Seconds a page stays valid at most, even with no change reported.

    Changes made through the admin and the workflow mark pages stale at once;
    this bounds how long a change made behind their back (a shell, an import
    script) can go unseen.
    """
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 600)


def shared_max_age():
    """Seconds a CDN may keep a page before asking again."""
    return getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 60)


def stale_while_revalidate():
    return getattr(settings, "PAGE_CACHE_STALE_WHILE_REVALIDATE", 30)


def stale_if_error():
    """Seconds a stale page may stand in for one the database cannot render."""
    return getattr(settings, "PAGE_CACHE_STALE_IF_ERROR", 24 * 3600)


def query_parameters():
    """The only query parameters a cached page may vary on; others bypass it."""
    return frozenset(getattr(settings, "PAGE_CACHE_QUERY_PARAMETERS", {"page"}))


def generation_file():
    return getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)


def hook(name):
    """Return the callable a dotted-path setting names, or None when unset."""
    path = getattr(settings, name, "")
    return import_string(path) if path else None
