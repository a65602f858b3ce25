"""Browser tests: Debian's Chromium, driven by Playwright, against Django's live server.

Every test here is marked `browser`. Chromium, Java and the Nu Html Checker are
tools of the machine, not of the virtualenv: when one is missing the tests that
need it are skipped locally, and fail when the `CI` variable is set, so a CI run
can never pass by skipping them.
"""

import hashlib
import os
import shutil
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from demo import seeding as demo
from media import renditions

from .support import ARTIFACTS_DIR, DESKTOP, REPO_DIR

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
VNU_JAR = REPO_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    # The machine's network is closed: without these Chromium keeps calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def in_ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require(available, reason):
    """Skip the test when a machine tool is missing; in CI, fail instead."""
    if available:
        return
    if in_ci():
        pytest.fail(
            f"{reason} CI is set, so this fails instead of skipping.", pytrace=False
        )
    pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # Kept on the item so the `page` fixture can save a screenshot of a failure.
    setattr(item, f"report_{report.when}", report)
    return report


class OneRequestAtATime(ThreadedWSGIServer):
    """Threads read requests side by side (Chromium keeps idle sockets open) but
    run them through Django one at a time."""

    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(autouse=True, scope="session")
def _one_request_at_a_time_on_sqlite():
    """Serve one request at a time when the test database is SQLite in memory.

    The live server's threads then share the test's one connection, and two
    requests at once on it (an admin autocomplete while the change list
    loads) once left both threads waiting for good. PostgreSQL gives each
    thread its own connection.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LiveServerThread, "server_class", OneRequestAtATime)
        yield


@pytest.fixture(scope="package")
def playwright():
    require(
        CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK),
        f"Chromium not found at {CHROMIUM} (apt-get install chromium).",
    )
    # Playwright's sync API keeps an event loop running on this thread, which
    # Django takes for an async context; the ORM calls here are plain sync code.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            yield playwright


@pytest.fixture(scope="package")
def browser(playwright):
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
    except PlaywrightError as error:
        require(False, f"Chromium at {CHROMIUM} did not start: {error}")
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _serve_media(settings):
    """Serve uploads from this test's MEDIA_ROOT (see tests/browser/urls.py).

    Cookies keep their production `Secure` flag: Chromium treats
    http://localhost, where the live server runs, as a secure context.
    """
    settings.ROOT_URLCONF = "tests.browser.urls"


# Reports every Content-Security-Policy violation on a page to the test. Added
# through the DevTools protocol, it is not itself subject to the policy.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation({
    page: document.location.href,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    file: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});
"""


def from_the_site(violation):
    """Tell the site's violations from those of code a test runs through DevTools.

    The site's own markup and scripts always have a source file (the page or a
    static script). axe-core, evaluated by the accessibility tests, has none:
    the style it adds while it measures is the test's, not the site's.
    """
    return bool(violation["file"])


@pytest.fixture
def csp_violations():
    """Content-Security-Policy violations seen in this test's browser contexts.

    Any left at the end fail the test: every page, reader's or editor's, must
    work within the policy. A test that provokes one on purpose removes it.
    """
    violations = []
    yield violations
    found = [violation for violation in violations if from_the_site(violation)]
    assert not found, f"Content-Security-Policy violations: {found}"


@pytest.fixture
def new_context(browser, live_server, csp_violations):
    """Return a factory for fresh browser contexts (cookies, storage, permissions)."""
    contexts, own = [], f"{live_server.url}/"

    def new_context(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("base_url", live_server.url)
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        # Anything but the live server is refused before it leaves the browser.
        context.route(lambda url: not url.startswith(own), lambda route: route.abort())
        context.expose_function(
            "reportCspViolation", lambda violation: csp_violations.append(violation)
        )
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        contexts.append(context)
        return context

    yield new_context
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(request, context):
    """A page on the live server that fails the test on any uncaught script error."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed and not page.is_closed():
        folder = ARTIFACTS_DIR / "failures"
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{request.node.name}.png", full_page=True)
    assert not errors, f"Uncaught script errors on {page.url}: {errors}"


@pytest.fixture(scope="session")
def _illustrations():
    """Remember the demo's drawings: drawing them is most of `seed_demo`'s time."""
    drawings, draw_illustration = {}, demo.draw_illustration

    def draw(**options):
        key = repr(sorted(options.items()))
        if key not in drawings:
            drawings[key] = draw_illustration(**options)
        return drawings[key]

    return draw


@pytest.fixture(scope="session")
def _encodings():
    """Remember rendition encodings: encoding is most of the upload pipeline's time.

    Keyed by the pixels themselves, so a changed crop or size is encoded afresh.
    """
    encoded, encode = {}, renditions.encode

    def remembered(picture, image_format, **options):
        pixels = hashlib.blake2b(picture.tobytes(), digest_size=16).digest()
        key = (pixels, picture.mode, picture.size, image_format, repr(options))
        if key not in encoded:
            encoded[key] = encode(picture, image_format, **options)
        return encoded[key]

    return remembered


@pytest.fixture
def demo_newsroom(transactional_db, monkeypatch, _illustrations, _encodings):
    """Load the hand-written demo newsroom with `seed_demo`."""
    monkeypatch.setattr(demo, "draw_illustration", _illustrations)
    monkeypatch.setattr(renditions, "encode", _encodings)
    call_command("seed_demo", verbosity=0, stdout=StringIO())


@pytest.fixture(scope="session")
def vnu_command():
    """Return the command line of the Nu Html Checker, reading HTML on stdin."""
    java = shutil.which("java")
    require(java, "Java not found on PATH; the Nu Html Checker needs it.")
    require(
        VNU_JAR.is_file(),
        f"{VNU_JAR.relative_to(REPO_DIR)} is missing; `make vnu` installs it.",
    )
    return [java, "-jar", str(VNU_JAR)]
