"""`make serve` from a fresh clone, following the README's own commands, serves the site.

The README's `make serve` block runs as written in a clone of this repository,
with none of the caller's Byline variables. The clone borrows this checkout's
virtualenv (made by `make setup` from the same requirements.txt) instead of
installing every package again. Only 127.0.0.1 is contacted; the server is
stopped, with its whole process group, whatever happens.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from tests.cms.support import clean_environment

ROOT = settings.BASE_DIR
START_TIMEOUT = 180  # collectstatic and migrate run first
STOP_TIMEOUT = 30


def readme_serve_commands():
    """Return the shell block under the README's `make serve` heading."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Serving it as in production", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def fresh_clone(destination):
    """Clone this repository, then lay the working tree's changes over it.

    In CI the two are the same; locally, uncommitted work is tested too.
    """
    subprocess.run(
        ["git", "clone", "--quiet", str(ROOT), str(destination)],
        check=True,
        timeout=120,
        capture_output=True,
    )
    changed = subprocess.run(
        ["git", "ls-files", "--modified", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, changed):
        if (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)


def borrow_virtualenv(clone):
    """Point the clone's .venv at ours, installed from the same requirements.txt."""
    venv = ROOT / ".venv"
    stamp = venv / ".installed"
    if not stamp.is_file():
        pytest.fail("`make setup` has not run in this checkout: .venv is incomplete.")
    assert (clone / "requirements.txt").read_bytes() == (
        ROOT / "requirements.txt"
    ).read_bytes()
    (clone / ".venv").symlink_to(venv)
    # The clone's requirements.txt is newer than the stamp only by its checkout.
    installed = stamp.stat().st_mtime
    os.utime(clone / "requirements.txt", (installed - 1, installed - 1))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_ready(server, base, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make serve exited ({server.returncode}):\n{log.read_text()}")
        try:
            if get(base + "/readyz")[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"make serve did not answer in {START_TIMEOUT} s:\n{log.read_text()}")


def stop(server):
    """Stop make, gunicorn and its workers: the process group this test started."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=STOP_TIMEOUT)


class Served:
    def __init__(self, server, base, log):
        self.server, self.base, self.log = server, base, log

    def stop_and_read_log(self):
        """Stop the server (which flushes its log) and return its JSON lines."""
        stop(self.server)
        return [
            json.loads(line)
            for line in self.log.read_text().splitlines()
            if line.startswith("{")
        ]


@pytest.fixture
def served(tmp_path):
    """Run the README's commands in a fresh clone; yield the running server."""
    if not shutil.which("make") or not shutil.which("git"):
        pytest.fail("`make serve` needs make and git on PATH.")
    clone = tmp_path / "byline"
    fresh_clone(clone)
    borrow_virtualenv(clone)
    port = free_port()
    log = tmp_path / "serve.log"
    env = clean_environment(
        PORT=str(port),
        # Production logging; two workers are plenty for a few requests.
        LOG_FORMAT="json",
        WEB_CONCURRENCY="2",
        PYTHONUNBUFFERED="1",
    )
    for name in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "VIRTUAL_ENV"):
        env.pop(name, None)
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["bash", "-euo", "pipefail", "-c", readme_serve_commands()],
            cwd=clone,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(server, base, log)
        yield Served(server, base, log)
    finally:
        stop(server)


def test_make_serve_from_a_fresh_clone_serves_pages_and_static_files(served):
    base = served.base

    status, headers, body = get(base + "/")
    assert status == 200, body[:2000]
    assert "Content-Security-Policy" in headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    html = body.decode()
    # DEBUG is off: static files go by their hashed, collected names.
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, html[:2000]

    status, headers, css = get(
        base + stylesheet.group(1), **{"Accept-Encoding": "gzip"}
    )
    assert status == 200
    cache_control = {part.strip() for part in headers["Cache-Control"].split(",")}
    assert "max-age=315360000" in cache_control and "immutable" in cache_control
    assert headers["Content-Encoding"] == "gzip"  # compressed by collectstatic
    assert headers["X-Content-Type-Options"] == "nosniff"

    status, headers, body = get(base + "/no-such-page/")
    assert status == 404
    assert "We couldn’t find that page" in body.decode()
    assert "Traceback" not in body.decode()

    status, _, body = get(base + "/admin/login/")
    assert status == 200 and b"csrfmiddlewaretoken" in body

    status, _, body = get(base + "/readyz")
    assert (status, json.loads(body)["status"]) == (200, "ok")

    # gunicorn's access log, one JSON object a line (LOG_FORMAT=json).
    entries = served.stop_and_read_log()
    requests = {
        (entry["method"], entry["path"], entry["status"])
        for entry in entries
        if entry["logger"] == "gunicorn.access"
    }
    assert ("GET", "/", 200) in requests
    assert ("GET", stylesheet.group(1), 200) in requests
