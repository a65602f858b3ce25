"""The site's URLs plus the uploads, served from the MEDIA_ROOT of the running test.

`cms.urls` decides at import whether to serve media and binds the folder then;
each test here gets its own MEDIA_ROOT, so the folder is read per request instead.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import urlpatterns as site_urlpatterns


def serve_media(request, path):
    """Serve an upload the way the production web server would."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve_media),
    *site_urlpatterns,
]
