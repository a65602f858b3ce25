"""A URL configuration for tests/articles/test_paths.py, unlike the site's."""

from django.http import HttpResponse
from django.urls import include, path


def story(request, slug):
    return HttpResponse(slug)


articles = ([path("elsewhere/<slug:slug>/", story, name="detail")], "articles")
urlpatterns = [path("", include(articles))]
