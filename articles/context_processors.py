from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .page_queries import nav_sections


def site(request):
    """Site name and the navigation's sections, loaded lazily (one query if used)."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "nav_sections": SimpleLazyObject(nav_sections),
    }
