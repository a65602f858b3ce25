"""Reader page addresses by slug, worked out once per URL pattern.

`reverse()` walks the URL resolver and checks the result against the pattern
on every call: about 50 µs, and a page of cards links its stories, sections,
authors and topics dozens of times. The pattern is the same on every call, so
each name's address is reversed once with a placeholder and the slug put in.
A slug the pattern would refuse goes through `reverse()`, which refuses it as
before.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

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
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _fixed_address(
        name, get_script_prefix(), urlconf, tuple(sorted(kwargs.items()))
    )


def slug_address(name, slug):
    """Return `reverse(name, kwargs={"slug": slug})`, without the resolver walk."""
    if not SLUG.match(slug or ""):
        return reverse(name, kwargs={"slug": slug})
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    template = _address_with_placeholder(name, get_script_prefix(), urlconf)
    return template.replace(PLACEHOLDER, slug, 1)
