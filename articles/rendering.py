"""What a reader page's render reads of its request's settings, read once a render.

The time zone, the language, the script prefix and the URL conf live in
thread-locals (asgiref's `Local`), about 1.5 µs a read, and a home page's
thirty cards read them some three hundred times for their dates and links
(bench/analysis.md, finding 22). None of them changes while a page renders,
so the reader pages' Jinja2 backend (`templating.ReaderJinja2`) reads them
once when a render starts, and the helpers that need them (dates, addresses)
read them from here. Outside a render they ask Django, as before.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone, translation


@dataclass(frozen=True)
class RenderSettings:
    zone_name: str
    language: str
    script_prefix: str
    urlconf: str


class _ThisThread(threading.local):
    # A render runs start to end in one thread, even under ASGI.
    settings = None


_this_thread = _ThisThread()


def current_settings():
    """Return the settings of the render under way in this thread, or None."""
    return _this_thread.settings


def zone_and_language():
    """Return the current time zone's name and the active language."""
    found = _this_thread.settings
    if found is not None:
        return found.zone_name, found.language
    return timezone.get_current_timezone_name(), translation.get_language()


def prefix_and_urlconf():
    """Return the script prefix and the URL conf that addresses are reversed in."""
    found = _this_thread.settings
    if found is not None:
        return found.script_prefix, found.urlconf
    return get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF


@contextmanager
def rendering():
    """Read the settings once for a render; a render inside it reads its own."""
    outer = _this_thread.settings
    _this_thread.settings = RenderSettings(
        zone_name=timezone.get_current_timezone_name(),
        language=translation.get_language(),
        script_prefix=get_script_prefix(),
        urlconf=get_urlconf() or settings.ROOT_URLCONF,
    )
    try:
        yield
    finally:
        _this_thread.settings = outer
