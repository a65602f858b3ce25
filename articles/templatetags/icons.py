"""Inline SVG icons from `static/icons/`: no extra request, and they take the text colour."""

from functools import cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@cache
def _svg(name):
    found = finders.find(f"icons/{name}.svg")
    if found is None:
        raise template.TemplateSyntaxError(f"No icon named {name!r} in static/icons/.")
    return Path(found).read_text().strip()


@register.simple_tag
def icon(name):
    """Insert `static/icons/<name>.svg`: our own files, drawn for this site."""
    return mark_safe(_svg(name))
