"""Reader page addresses by slug (`articles.paths`) agree with `reverse()`."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from articles.paths import absolute_addresses, slug_address

NAMES = ["articles:detail", "articles:section", "articles:author", "articles:tag"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("slug", ["a", "harbour-cranes-stand-idle", "topic_1", "2026"])
def test_slug_address_is_what_reverse_gives(name, slug):
    assert slug_address(name, slug) == reverse(name, kwargs={"slug": slug})


@pytest.mark.parametrize("slug", ["", "a b", "ü", "a/b", "../x", "?q=1"])
def test_a_slug_the_pattern_refuses_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        slug_address("articles:detail", slug)


def test_a_site_served_under_a_path_prefix_gets_it_in_every_address():
    set_script_prefix("/news/")
    try:
        assert slug_address("articles:detail", "a-story") == "/news/stories/a-story/"
    finally:
        set_script_prefix("/")
    assert slug_address("articles:detail", "a-story") == "/stories/a-story/"


@override_settings(ROOT_URLCONF="tests.articles.other_urls")
def test_another_url_configuration_gets_its_own_addresses():
    assert slug_address("articles:detail", "a-story") == "/elsewhere/a-story/"


@pytest.mark.parametrize(
    "path",
    [
        "/stories/coastal-radar/",
        "/media/renditions/ab/ab12-16x9-480x270.webp",
        "/search/?q=port+security&page=2#results",
        "/topics/caf%C3%A9/",
        "/topics/café/",
        "/a path/with spaces/",
        '/quote"and<angle>/',
        "//elsewhere.example/",
        "/stories/./radar/",
        "/stories/../radar/",
        "relative/path/",
        "",
    ],
)
def test_absolute_addresses_match_build_absolute_uri(rf, settings, path):
    """The origin is worked out once; every path still comes out as Django's."""
    settings.ALLOWED_HOSTS = ["news.example"]
    request = rf.get(
        "/stories/now-reading/", HTTP_HOST="news.example:8443", secure=True
    )

    assert absolute_addresses(request)(path) == request.build_absolute_uri(path)
