"""The Jinja2 environment the reader pages render with; the admin keeps Django's.

Django's template engine walks a tree of nodes on every render and resolves
each variable through a chain of lookups; Jinja2 compiles a template to Python
once. On the reader pages, most of them cards in loops, that is most of an
uncached request's time (bench/analysis.md, finding 17). The helpers here are
the functions the Django template tags wrap, so both engines write a date, an
address or a picture the same way.
"""

from functools import lru_cache

from django.template import defaultfilters
from django.template.backends import jinja2 as jinja2_backend
from django.utils import timezone
from jinja2 import ChainableUndefined, Environment

from media.pictures import picture_of

from .paths import fixed_address, static
from .rendering import rendering, zone_and_language
from .templatetags.byline import iso_datetime as iso_text
from .templatetags.byline import json_ld
from .templatetags.icons import icon


def date(value, format_string):
    """`value` in the site's time zone, formatted as Django's `date` filter would."""
    if value in (None, ""):
        return ""
    return _formatted_date(value, format_string, *zone_and_language())


@lru_cache(maxsize=4096)
def _formatted_date(value, format_string, zone_name, language):
    """Django's `date` filter, worked out once per value, format, zone and language.

    Its formatter looks up every part of the format and every month's name
    through translation: 20 µs a date, and a home page shows thirty of them
    (bench/analysis.md, finding 19). The zone and the language it reads are
    part of the key.
    """
    return defaultfilters.date(timezone.template_localtime(value), format_string)


def iso_datetime(value):
    """`value` in the site's time zone for `<time datetime>`, to the whole second."""
    if not value:
        return ""
    return _iso_text(value, zone_and_language()[0])


@lru_cache(maxsize=4096)
def _iso_text(value, zone_name):
    return iso_text(timezone.template_localtime(value))


def current_year():
    """The year it is in the site's time zone (the footer's copyright line)."""
    return timezone.localtime().year


def querystring(request, **changes):
    """The page's query string with `changes` made (None drops a key), as `?…`."""
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}"


def environment(**options):
    # A name a page lacks reads as empty, as in Django templates, with DEBUG
    # on or off: the shared layout asks for things (the search box's words,
    # the section in view) that only some pages have.
    options["undefined"] = ChainableUndefined
    # Block tags leave no blank lines or indentation behind: fewer bytes to send.
    options.update(trim_blocks=True, lstrip_blocks=True)
    env = Environment(**options)
    env.globals.update(
        url=fixed_address,
        static=static,
        current_year=current_year,
        icon=icon,
        querystring=querystring,
    )
    env.filters.update(
        date=date,
        iso_datetime=iso_datetime,
        json_ld=json_ld,
        picture=picture_of,
    )
    return env


class ReaderTemplate(jinja2_backend.Template):
    def render(self, context=None, request=None):
        with rendering():
            return super().render(context, request)


class ReaderJinja2(jinja2_backend.Jinja2):
    """Django's Jinja2 backend, each render reading the request's settings once
    (`rendering.py`)."""

    def from_string(self, template_code):
        return ReaderTemplate(self.env.from_string(template_code), self)

    def get_template(self, template_name):
        return ReaderTemplate(super().get_template(template_name).template, self)
