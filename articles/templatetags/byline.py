"""Template filters for the reader pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(expects_localtime=True)
def iso_datetime(value):
    """Format a datetime for `<time datetime>`: ISO 8601, to the whole second.

    The `date:"c"` format adds microseconds, which HTML does not accept there.
    """
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


# JSON is valid inside <script> unless it holds "</script>" or "<!--": escaping
# <, > and & as \u escapes (as Django's json_script does) rules both out.
# (Three `replace()` calls: `str.translate()` looks up every character.)
JSON_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


@register.filter
def json_ld(data):
    """Write `data` as a JSON-LD script element that no value can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escaped in JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
