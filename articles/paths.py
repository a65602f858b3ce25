"""Reader page addresses, worked out once: by slug per URL pattern, static files
per path, the site's origin per request.

`reverse()` walks the URL resolver and checks the result against the pattern
on every call: about 50 µs, and a page of cards links its stories, sections,
authors and topics dozens of times. The pattern is the same on every call, so
each name's address is reversed once with a placeholder and the slug put in.
A slug the pattern would refuse goes through `reverse()`, which refuses it as
before.
"""

import re
import weakref
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static as static_address
from django.urls import reverse
from django.utils.functional import empty

from .rendering import prefix_and_urlconf

# What Django's `slug` path converter accepts.
SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
PLACEHOLDER = "0slug0"


@lru_cache(maxsize=32)
def _address_with_placeholder(name, script_prefix, urlconf):
    return reverse(name, urlconf=urlconf, kwargs={"slug": PLACEHOLDER})


@lru_cache(maxsize=128)
def _fixed_address(name, script_prefix, urlconf, kwargs):
    return reverse(name, urlconf=urlconf, kwargs=dict(kwargs))


def fixed_address(name, **kwargs):
    """Return `reverse(name, kwargs=kwargs)`, worked out once per name and arguments.

    For the addresses every page links (home, search, feeds, archive years):
    the same few, over and over.
    """
    script_prefix, urlconf = prefix_and_urlconf()
    return _fixed_address(name, script_prefix, urlconf, tuple(sorted(kwargs.items())))


def slug_address(name, slug):
    """Return `reverse(name, kwargs={"slug": slug})`, without the resolver walk."""
    if not SLUG.match(slug or ""):
        return reverse(name, kwargs={"slug": slug})
    template = _address_with_placeholder(name, *prefix_and_urlconf())
    return template.replace(PLACEHOLDER, slug, 1)


# Characters `iri_to_uri()` leaves as they are (RFC 3986's reserved and
# unreserved ones, and %): a path of only these needs no quoting.
URI_SAFE_PATH = re.compile(r"/(?!/)[-A-Za-z0-9._~/#%\[\]=:;$&()+,!?*@']*\Z")


def absolute_addresses(request):
    """Return a function making site paths full addresses, as
    `request.build_absolute_uri(path)` does.

    The scheme and host are worked out once: a story page makes ten full
    addresses, and each `build_absolute_uri()` splits and quotes its path anew
    (bench/analysis.md, finding 21). A path needing more than the origin put
    before it (quoting, `.` segments, no leading slash) still goes through it.
    """
    origin = request.build_absolute_uri("/")[:-1]

    def absolute(path):
        if URI_SAFE_PATH.match(path) and "/./" not in path and "/../" not in path:
            return origin + path
        return request.build_absolute_uri(path)

    return absolute


# Addresses of static files, per storage: `settings` changes in tests make a
# new storage, and `collectstatic` a new process.
_static_addresses = weakref.WeakKeyDictionary()


def static(path):
    """`{% static path %}`, asked of the storage once per path.

    A manifest storage looks the hashed name up and quotes and joins it on
    every call; a page links six files (bench/analysis.md, finding 21).
    """
    if staticfiles_storage._wrapped is empty:
        staticfiles_storage._setup()
    storage = staticfiles_storage._wrapped
    addresses = _static_addresses.setdefault(storage, {})
    key = (path, settings.DEBUG)
    try:
        return addresses[key]
    except KeyError:
        address = addresses[key] = static_address(path)
        return address
