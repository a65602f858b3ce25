"""`{{ image|picture:"card" }}`: an image's renditions for one use, for templates."""

from django import template

from ..pictures import picture_of

register = template.Library()


@register.filter
def picture(image, family):
    """Return the `Picture` (src, srcsets, width, height) of `image` for `family`."""
    return picture_of(image, family)


@register.simple_tag
def absolute_url(request, url):
    """Return `url` (a rendition's address) as an absolute URL, for link previews."""
    return request.build_absolute_uri(url)
