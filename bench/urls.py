"""Byline's URLs, then the floor, so real pages resolve exactly as in production."""

from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns

from .floor import floor

urlpatterns = [*cms_urlpatterns, path("__floor__/", floor, name="bench-floor")]
