"""Template filters for the reader pages."""

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def iso_datetime(value):
    """Format a datetime for `<time datetime>`: ISO 8601, to the whole second.

    The `date:"c"` format adds microseconds, which HTML does not accept there.
    """
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()
