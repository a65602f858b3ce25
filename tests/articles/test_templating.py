"""The reader pages' Jinja2 helpers write what Django's template tags wrote."""

from datetime import UTC, datetime

from django.conf import settings
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.template import engines
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import timezone, translation
from jinja2 import DebugUndefined

from articles.paths import fixed_address, slug_address
from articles.rendering import current_settings, rendering
from articles.templating import date, environment, iso_datetime, querystring


def render(source, **context):
    return engines["jinja2"].from_string(source).render(context)


def test_dates_are_shown_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Asia/Kolkata"
    moment = datetime(2026, 3, 16, 21, 45, 30, 123456, tzinfo=UTC)

    assert date(moment, "j F Y, H:i T") == "17 March 2026, 03:15 IST"
    assert iso_datetime(moment) == "2026-03-17T03:15:30+05:30"


def test_a_date_shown_once_follows_a_later_change_of_time_zone_or_language(settings):
    """Formatted dates are kept per zone and language, never across them."""
    moment = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    settings.TIME_ZONE = "UTC"
    assert date(moment, "j F Y") == "1 December 2026"

    assert iso_datetime(moment) == "2026-12-01T23:30:00+00:00"

    settings.TIME_ZONE = "Asia/Kolkata"
    assert date(moment, "j F Y") == "2 December 2026"
    assert iso_datetime(moment) == "2026-12-02T05:00:00+05:30"
    with translation.override("fr"):
        assert date(moment, "j F Y") == "2 décembre 2026"
    assert date(moment, "j F Y") == "2 December 2026"


def test_a_missing_date_is_shown_as_nothing():
    assert date(None, "j M Y") == ""
    assert iso_datetime(None) == ""


def test_a_page_link_keeps_the_readers_other_choices():
    request = RequestFactory().get("/search/", {"q": "port & harbour", "page": "2"})

    assert querystring(request, page=3) == "?q=port+%26+harbour&page=3"
    assert querystring(request, page=None) == "?q=port+%26+harbour"


def test_a_name_the_page_lacks_reads_as_empty_with_debug_on_or_off():
    source = "[{{ terms.text }}|{{ current_section.pk }}]"
    assert render(source) == "[|]"
    # With DEBUG on, Django asks for an environment that prints the names it
    # lacks ("{{ terms.text }}" in the search box of every page but search).
    debugging = environment(undefined=DebugUndefined)
    assert debugging.from_string(source).render({}) == "[|]"


def test_text_is_escaped_and_safe_markup_is_not():
    page = render("{{ title }} {{ icon('link') }}", title='<script>alert("x")</script>')

    assert "&lt;script&gt;" in page
    assert "<script>" not in page
    assert page.split(" ", 1)[1].startswith("<svg")


def test_fixed_addresses_follow_the_script_prefix():
    try:
        set_script_prefix("/newsroom/")
        assert fixed_address("articles:search") == "/newsroom/search/"
        assert fixed_address("articles:archive-year", year=2025) == (
            "/newsroom/archive/2025/"
        )
    finally:
        set_script_prefix("/")
    assert fixed_address("articles:search") == "/search/"


class CountingStaticStorage(StaticFilesStorage):
    """Names files as a manifest storage does (hashed unless DEBUG), counting asks."""

    asked = 0

    def url(self, name):
        CountingStaticStorage.asked += 1
        return super().url(name if settings.DEBUG else name.replace(".", ".abc123."))


def test_a_static_address_is_asked_once_and_follows_static_url_and_debug(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": f"{__name__}.CountingStaticStorage"},
    }
    settings.DEBUG = False
    CountingStaticStorage.asked = 0
    page = "{{ static('css/site.css') }} {{ static('css/site.css') }}"

    assert render(page) == "/static/css/site.abc123.css /static/css/site.abc123.css"
    assert render(page).startswith("/static/css/site.abc123.css")
    assert CountingStaticStorage.asked == 1
    settings.STATIC_URL = "/assets/"
    assert render(page) == "/assets/css/site.abc123.css /assets/css/site.abc123.css"
    settings.DEBUG = True
    assert render(page) == "/assets/css/site.css /assets/css/site.css"
    assert CountingStaticStorage.asked == 3


class Section:
    """What a page needs of a section to link it."""

    def __init__(self, slug):
        self.slug = slug

    def get_absolute_url(self):
        return slug_address("articles:section", self.slug)


def test_each_render_reads_the_time_zone_language_and_prefix_it_starts_with():
    """Read once a render, never carried from one render to the next."""
    page = (
        "{{ moment|date('j F Y, H:i T') }} {{ moment|iso_datetime }} "
        "{{ url('articles:search') }} {{ section.get_absolute_url() }}"
    )
    context = {
        "moment": datetime(2026, 12, 1, 23, 30, tzinfo=UTC),
        "section": Section("analysis"),
    }

    assert render(page, **context) == (
        "1 December 2026, 23:30 UTC 2026-12-01T23:30:00+00:00 /search/ /sections/analysis/"
    )
    try:
        set_script_prefix("/newsroom/")
        with timezone.override("Asia/Kolkata"), translation.override("fr"):
            assert render(page, **context) == (
                "2 décembre 2026, 05:00 IST 2026-12-02T05:00:00+05:30 "
                "/newsroom/search/ /newsroom/sections/analysis/"
            )
    finally:
        set_script_prefix("/")
    assert render(page, **context).endswith(" /search/ /sections/analysis/")
    assert current_settings() is None


def test_a_render_inside_a_render_reads_its_own_settings_and_gives_them_back():
    with timezone.override("UTC"), rendering():
        outer = current_settings()
        with timezone.override("Asia/Kolkata"), rendering():
            assert current_settings().zone_name == "Asia/Kolkata"
        assert current_settings() is outer
    assert current_settings() is None
