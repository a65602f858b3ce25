"""The page cache on Redis, shared by app servers: one change, fresh everywhere.

These tests need a Redis server (REDIS_URL, default 127.0.0.1:6379). Without
one they skip with the reason, except in CI (CI set), where they fail: CI must
prove the shared cache. The two-server test also needs PostgreSQL, so that two
separate processes can share the test database; it runs in CI's PostgreSQL pass.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

import environ
import pytest
from django.core.cache import caches
from django.db import connection

from articles import workflow
from tests.factories import make_article, make_author, make_user
from tests.soup import form_values, one, parse

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parent.parent.parent


def reachable(url):
    location = environ.Env.cache_url_config(url)["LOCATION"]
    host_port = location.split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.partition(":")
    try:
        socket.create_connection((host, int(port or 6379)), timeout=1).close()
    except OSError:
        return False
    return True


def require_redis():
    if not reachable(REDIS_URL):
        message = f"Redis is not reachable at {REDIS_URL}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must have it)")
        pytest.skip(message)


@pytest.fixture
def redis_page_cache(settings):
    require_redis()
    prefix = f"byline-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            **environ.Env.cache_url_config(REDIS_URL),
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGE_CACHE = True
    yield caches["default"]
    caches["default"].clear()


def test_pages_are_served_from_redis_and_a_publish_refreshes_them(
    client, redis_page_cache, clock, django_assert_num_queries
):
    writer = make_author()
    make_article(title="Port checks tighten", authors=[writer])
    draft = make_article(title="Ferry checks widen", published=False, authors=[writer])
    client.get("/")

    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "hit"
    workflow.publish(draft, by=make_user("Editor"))

    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Ferry checks widen" in response.content


def test_the_generation_lives_in_redis_not_in_this_process(redis_page_cache, clock):
    before = redis_page_cache.get("pagecache:generation", 0)

    workflow.add_correction(
        make_article(), by=make_user("Editor"), kind="update", text="More detail."
    )

    assert redis_page_cache.get("pagecache:generation") == before + 1


# ------------------------------------------------------- two app servers


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    """A gunicorn process serving Byline on a loopback port, with its own memory."""

    def __init__(self, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "gunicorn", "cms.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", "1"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )

    def wait_until_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read().decode()[-2000:])
            try:
                self.get("/")
                return
            except urllib.error.HTTPError as error:
                self.process.terminate()
                log = self.process.communicate(timeout=10)[1].decode()
                raise AssertionError(
                    f"gunicorn answered {error.code}:\n{log[-3000:]}"
                ) from error
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"gunicorn on port {self.port} did not start")

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.headers, response.read()

    def post(self, path, data):
        request = urllib.request.Request(
            self.base + path,
            data=urlencode(data, doseq=True).encode(),
            headers={"Referer": self.base + path},
        )
        with self.opener.open(request, timeout=10) as response:
            return response.read()

    def log_in(self, username, password):
        _, page = self.get("/admin/login/")
        data = form_values(one(parse(page.decode()), "form#login-form"))
        data.update(username=[username], password=[password])
        self.post("/admin/login/", data)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two processes share a test database only on PostgreSQL; CI runs this "
    "in its PostgreSQL pass",
)
def test_a_publish_through_one_app_server_is_fresh_on_the_other_at_once(
    redis_page_cache, tmp_path, settings
):
    # The servers check passwords with the real hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    writer = make_author()
    make_article(title="Port checks tighten", authors=[writer])
    draft = make_article(title="Ferry checks widen", published=False, authors=[writer])
    editor = make_user("Editor", username="desk")
    editor.set_password("a long desk password")
    editor.save()
    database = connection.settings_dict
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "two-servers-test-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "false",
        # Plain HTTP on loopback, as `make serve` runs.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
            f"/{database['NAME']}"
        ),
        "CACHE_URL": REDIS_URL,
        "PAGE_CACHE": "on",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # DEBUG off serves hashed static names, so the servers need the manifest.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    # Both servers must use the same cache keys as each other.
    env["CACHE_KEY_PREFIX"] = redis_page_cache.key_prefix
    servers = [AppServer(env), AppServer(env)]
    try:
        for server in servers:
            server.wait_until_ready()
        one_server, other = servers
        for server in servers:
            server.get("/")
            headers, body = server.get("/")
            assert headers["X-Page-Cache"] == "hit"
            assert b"Ferry checks widen" not in body

        one_server.log_in("desk", "a long desk password")
        change = f"/admin/articles/article/{draft.pk}/change/"
        _, page = one_server.get(change)
        data = form_values(one(parse(page.decode()), "form#article_form"))
        data["_publish"] = ["Save and publish (or schedule)"]
        one_server.post(change, data)

        headers, body = other.get("/")
        assert headers["X-Page-Cache"] == "miss"
        assert b"Ferry checks widen" in body
    finally:
        for server in servers:
            server.stop()
