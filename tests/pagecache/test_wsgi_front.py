"""The WSGI front answers cache hits before Django's handler runs at all."""

from io import BytesIO

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler

from pagecache.wsgi import CachedPagesFirst
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    caches["default"].clear()


class Recorder:
    """A stand-in for Django's handler that counts the requests reaching it."""

    def __init__(self, application):
        self.application = application
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.application(environ, start_response)


def call(app, path="/", **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.input": BytesIO(b""),
        "wsgi.url_scheme": "http",
        **extra,
    }
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return started["status"], started["headers"], body


@pytest.fixture
def front(page_cache, clock):
    make_article(title="Harbour cameras go live", slug="harbour")
    # A handler of its own: its middleware reads this test's settings.
    django_handler = Recorder(WSGIHandler())
    return CachedPagesFirst(django_handler), django_handler


def test_a_hit_never_reaches_django(front, django_assert_num_queries):
    app, django_handler = front
    status, headers, rendered = call(app, "/stories/harbour/")
    assert (status, headers["X-Page-Cache"]) == ("200 OK", "miss")

    with django_assert_num_queries(0):
        status, headers, body = call(app, "/stories/harbour/")

    assert django_handler.calls == 1
    assert (status, headers["X-Page-Cache"]) == ("200 OK", "hit")
    assert body == rendered
    assert headers["Content-Length"] == str(len(body))
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_a_matching_etag_gets_304_from_the_front(front):
    app, django_handler = front
    _, headers, _ = call(app)

    status, _, body = call(app, HTTP_IF_NONE_MATCH=headers["ETag"])

    assert (status, body) == ("304 Not Modified", b"")
    assert django_handler.calls == 1


def test_head_gets_the_headers_without_the_body(front):
    app, _ = front
    call(app)

    status, headers, body = call(app, REQUEST_METHOD="HEAD")

    assert status == "200 OK"
    assert body == b""
    assert int(headers["Content-Length"]) > 0


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc123"},
        {"HTTP_COOKIE": "theme=dark; sessionid=abc123"},
        {"QUERY_STRING": "utm_source=newsletter"},
        {"REQUEST_METHOD": "POST"},
    ],
)
def test_editors_other_queries_and_posts_go_to_django(front, extra):
    app, django_handler = front
    call(app)

    call(app, **extra)

    assert django_handler.calls == 2


def test_the_deployed_application_is_wrapped_by_the_front():
    # Imported here: cms.wsgi refuses to load before `collectstatic` has run.
    from cms.wsgi import application

    assert isinstance(application, CachedPagesFirst)


def test_plain_http_goes_to_django_for_its_https_redirect(front, settings):
    settings.SECURE_SSL_REDIRECT = True
    # Middleware reads its settings when the handler is built.
    django_handler = Recorder(WSGIHandler())
    app = CachedPagesFirst(django_handler)
    secure = {"HTTP_X_FORWARDED_PROTO": "https"}
    call(app, **secure)
    status, _, _ = call(app, **secure)
    assert django_handler.calls == 1

    status, headers, _ = call(app)

    assert django_handler.calls == 2
    assert status.startswith("301")
    assert headers["Location"] == "https://testserver/"


def test_http_and_https_pages_are_kept_apart(front, settings):
    app, django_handler = front
    settings.SECURE_SSL_REDIRECT = False
    call(app, "/stories/harbour/")

    _, headers, body = call(app, "/stories/harbour/", HTTP_X_FORWARDED_PROTO="https")

    assert headers["X-Page-Cache"] == "miss"
    assert b'href="https://testserver/stories/harbour/"' in body
