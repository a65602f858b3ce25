from django.conf import settings

from .models import Section


def site(request):
    """Site name and the navigation's sections, loaded lazily (one query if used)."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "nav_sections": Section.objects.only("name", "slug").order_by("order", "name"),
    }
