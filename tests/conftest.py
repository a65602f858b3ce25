import functools
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.template.backends import jinja2 as jinja2_backend
from django.test import override_settings
from django.test.signals import template_rendered
from django.utils import timezone

# A fixed moment for tests whose outcome depends on the time of day or year.
PINNED_NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)


def pytest_configure(config):
    # WhiteNoise warns when `collectstatic` has not run; `make test` runs it first.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
    report_jinja2_renders()


def report_jinja2_renders():
    """Tell the test client about Jinja2 renders, as Django's test setup does for its own.

    Django instruments only its own engine. Without this, a reader page
    (templates/jinja2/) would give a response no `context` and no `templates`,
    and a test that a cache hit renders nothing would pass whatever happened.
    """
    template_class = jinja2_backend.Template
    if getattr(template_class.render, "reports_renders", False):
        return
    render = template_class.render

    @functools.wraps(render)
    def render_and_report(self, context=None, request=None):
        context = {} if context is None else context
        content = render(self, context, request)
        # The backend fills `context` in place: the page's own names, `request`
        # and the context processors', as a Django template's context has them.
        template_rendered.send(sender=self, template=self, context=context)
        return content

    render_and_report.reports_renders = True
    template_class.render = render_and_report
    template_class.name = property(lambda template: template.template.name)


@pytest.fixture(autouse=True, scope="session")
def _plain_http():
    """Serve tests over plain HTTP, as `make serve` does, live server included.

    Production redirects HTTP to HTTPS (SECURE_SSL_REDIRECT); tests/test_security.py
    turns the redirect back on where it is the subject.
    """
    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture(autouse=True)
def _fast_and_isolated_settings(settings, tmp_path):
    """Keep uploads in a temporary folder and password hashing cheap.

    Most tests check what a render produces, and build their data through the
    ORM, which does not report changes to the page cache; so the page cache is
    off here, and on in the tests that prove it (tests/pagecache/).
    """
    settings.PAGE_CACHE = False
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "page-cache.generation"
    caches["default"].clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


class Clock:
    """A stand-in for `timezone.now()` that only moves when a test moves it."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """Pin `django.utils.timezone.now()` to PINNED_NOW; move it with `advance()`."""
    pinned = Clock(PINNED_NOW)
    monkeypatch.setattr(timezone, "now", pinned)
    return pinned


@pytest.fixture
def editor_client(client, django_user_model):
    """A client logged in as staff allowed to change (and so preview) stories."""
    user = django_user_model.objects.create_user(
        username="editor", password="x", is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="articles", codename="change_article"
        )
    )
    client.force_login(user)
    return client


@pytest.fixture
def staff_client(client, django_user_model):
    """A client logged in as staff with no permission on stories."""
    user = django_user_model.objects.create_user(
        username="intern", password="x", is_staff=True
    )
    client.force_login(user)
    return client
