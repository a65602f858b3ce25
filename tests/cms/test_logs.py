"""LOG_FORMAT=json: one JSON object a line, for Django's errors and gunicorn's access log."""

import json
import logging
import sys
from pathlib import Path

from django.test import RequestFactory

from cms.logs import JsonFormatter


def record(name="byline", level=logging.WARNING, message="%s happened", args=("it",)):
    return logging.LogRecord(name, level, __file__, 1, message, args, None)


def test_a_record_becomes_one_line_of_json():
    line = JsonFormatter().format(record())

    assert "\n" not in line
    entry = json.loads(line)
    assert entry.pop("time").endswith("+00:00")
    assert entry == {"level": "WARNING", "logger": "byline", "message": "it happened"}


def test_an_exception_is_kept_whole_in_one_field():
    try:
        raise ValueError("the feed was malformed")
    except ValueError:
        failure = record(level=logging.ERROR)
        failure.exc_info = sys.exc_info()

    entry = json.loads(JsonFormatter().format(failure))

    assert entry["exception"].startswith("Traceback")
    assert "ValueError: the feed was malformed" in entry["exception"]


def test_a_request_error_names_method_path_and_status_but_no_cookie():
    request = RequestFactory().post(
        "/stories/harbour/?page=2", headers={"cookie": "sessionid=do-not-log-me"}
    )
    failure = record(
        name="django.request", level=logging.ERROR, message="Boom", args=()
    )
    failure.status_code = 500
    failure.request = request

    line = JsonFormatter().format(failure)

    entry = json.loads(line)
    assert (entry["method"], entry["path"], entry["status"]) == (
        "POST",
        "/stories/harbour/",
        500,
    )
    assert "do-not-log-me" not in line


def test_a_gunicorn_access_record_becomes_fields():
    atoms = {
        "h": "10.0.0.2",
        "{x-forwarded-for}i": "203.0.113.7",
        "m": "GET",
        "U": "/stories/harbour/",
        "q": "",
        "H": "HTTP/1.1",
        "s": "200",
        "B": 5120,
        "M": 12,
        "a": "Mozilla/5.0",
        "{cookie}i": "sessionid=do-not-log-me",
    }
    access = record(name="gunicorn.access", level=logging.INFO, message="%(s)s")
    access.args = atoms

    line = JsonFormatter().format(access)

    entry = json.loads(line)
    entry.pop("time")
    assert entry == {
        "level": "INFO",
        "logger": "gunicorn.access",
        "message": "request",
        "remote_addr": "10.0.0.2",
        "forwarded_for": "203.0.113.7",
        "method": "GET",
        "path": "/stories/harbour/",
        "protocol": "HTTP/1.1",
        "status": 200,
        "bytes": 5120,
        "duration_ms": 12,
        "user_agent": "Mozilla/5.0",
    }
    assert "do-not-log-me" not in line


CRASH = """
from django.test import Client
client = Client(raise_request_exception=False)
# The database was never migrated, so the home page fails with a 500.
print(client.get("/", secure=True).status_code)
"""


def test_the_setting_sends_request_errors_as_json(manage, production_env):
    production_env.update(LOG_FORMAT="json", ALLOWED_HOSTS="testserver")
    Path(production_env["STATIC_ROOT"]).mkdir()

    result = manage("shell", "--verbosity=0", "-c", CRASH, env=production_env)

    assert result.stdout.strip() == "500", result.stderr
    entries = [json.loads(line) for line in result.stderr.splitlines()]
    error = next(entry for entry in entries if entry["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert (error["method"], error["path"], error["status"]) == ("GET", "/", 500)
    assert "no such table" in error["exception"]


def test_text_is_the_default(manage, production_env):
    production_env.update(ALLOWED_HOSTS="testserver")
    Path(production_env["STATIC_ROOT"]).mkdir()

    result = manage("shell", "--verbosity=0", "-c", CRASH, env=production_env)

    assert result.stdout.strip() == "500", result.stderr
    assert result.stderr.startswith("Internal Server Error: /")
