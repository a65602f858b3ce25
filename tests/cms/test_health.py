"""`/healthz` and `/readyz`: cheap, uncached, private, and honest about the database."""

import json

import pytest

from cms import health

pytestmark = pytest.mark.django_db

READY = {
    "status": "ok",
    "checks": {"database": "ok", "cache": "ok", "migrations": "ok"},
}


def assert_uncached(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "max-age=0"} <= cache_control
    assert "Set-Cookie" not in response


def test_healthz_answers_while_the_process_runs(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_uncached(response)


def test_readyz_answers_when_database_cache_and_migrations_are_ready(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == READY
    assert_uncached(response)


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_carry_the_security_headers(client, path):
    response = client.get(path)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_load_balancers_probe_by_address_over_plain_http(client, settings, path):
    # A load balancer calls each app server by its own address, not the site's name.
    settings.SECURE_SSL_REDIRECT = True

    response = client.get(path, headers={"host": "10.20.30.40:8000"})

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_answer_head(client, path):
    assert client.head(path).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_refuse_other_methods(client, path):
    response = client.post(path)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_readyz_with_a_trailing_slash_is_an_ordinary_address(client):
    assert client.get("/readyz/").status_code == 404


def test_readyz_is_cheap(client, django_assert_max_num_queries):
    client.get("/readyz")  # reads the migration files once per process

    # SELECT 1, then the migration table: looked up, and read.
    with django_assert_max_num_queries(3):
        assert client.get("/readyz").status_code == 200


def test_readyz_fails_when_the_cache_is_unreachable(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("redis://secret-password@cache.internal:6379 refused")

    monkeypatch.setattr(health.cache, "set", unreachable)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "failed", "migrations": "ok"},
    }
    assert b"secret" not in response.content and b"internal" not in response.content


def test_readyz_fails_when_the_cache_loses_what_it_stored(client, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda *args, **kwargs: None)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failed"


def test_readyz_fails_when_a_migration_is_not_applied(client, monkeypatch):
    shipped = health.known_migrations() | {("articles", "9999_from_the_next_release")}
    monkeypatch.setattr(health, "known_migrations", lambda: shipped)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "migrations": "pending",
    }


# ----------------------------------------- a fresh process, a broken database

PROBE = """
import json
from django.test import Client
client = Client()
answers = {path: client.get(path) for path in ("/healthz", "/readyz")}
print(json.dumps({p: [r.status_code, r.json()] for p, r in answers.items()}))
"""


def probe(manage, env):
    result = manage("shell", "--verbosity=0", "-c", PROBE, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


@pytest.mark.parametrize(
    "database_url",
    [
        # Nothing listens on port 1 of this machine: the connection is refused.
        "postgres://byline:hunter2@127.0.0.1:1/byline",
        "sqlite:////nonexistent-folder/byline.sqlite3",
    ],
    ids=["postgresql-refused", "sqlite-missing-folder"],
)
def test_readyz_answers_503_when_the_database_is_unreachable(
    manage, production_env, database_url
):
    production_env["DATABASE_URL"] = database_url

    answers, log = probe(manage, production_env)

    assert answers["/healthz"] == [200, {"status": "ok"}]
    assert answers["/readyz"] == [
        503,
        {
            "status": "unavailable",
            "checks": {"database": "failed", "cache": "ok", "migrations": "unknown"},
        },
    ]
    assert "hunter2" not in json.dumps(answers)
    assert "readyz: the database is unreachable" in log


def test_readyz_answers_503_on_a_database_never_migrated(manage, production_env):
    answers, _ = probe(manage, production_env)

    assert answers["/readyz"] == [
        503,
        {
            "status": "unavailable",
            "checks": {"database": "ok", "cache": "ok", "migrations": "pending"},
        },
    ]


def test_readyz_answers_200_once_migrated(manage, production_env):
    migrated = manage("migrate", "--no-input", env=production_env)
    assert migrated.returncode == 0, migrated.stderr

    answers, _ = probe(manage, production_env)

    assert answers["/readyz"] == [200, READY]
