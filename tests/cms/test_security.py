"""Hardened defaults: the deployment check, security headers, proxies, cookies."""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
import pytest
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponse

from cms.security import ContentSecurityPolicyMiddleware
from tests.factories import make_article, make_section
from tests.soup import one, parse

pytestmark = pytest.mark.django_db


def policy(response):
    """Return the Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(response):
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert "'self'" in csp["script-src"]
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(csp["script-src"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    features = dict(
        item.strip().split("=") for item in response["Permissions-Policy"].split(",")
    )
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert features[feature] == "()"
    # Over HTTPS (here: behind a TLS proxy), browsers are told to stay on HTTPS.
    assert response["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"


@pytest.fixture
def story(clock):
    return make_article(slug="harbour", section=make_section(slug="world"))


def https_get(client, path):
    """GET `path` as the TLS-terminating proxy forwards it."""
    return client.get(
        path, headers={"x-forwarded-proto": "https", "host": "testserver"}
    )


def test_reader_page_carries_the_security_headers(client, story):
    response = https_get(client, "/stories/harbour/")

    assert response.status_code == 200
    assert_security_headers(response)


def test_admin_page_carries_the_security_headers(editor_client, story):
    response = https_get(editor_client, f"/admin/articles/article/{story.pk}/change/")

    assert response.status_code == 200
    assert_security_headers(response)


def test_admin_login_page_carries_the_security_headers(client):
    response = https_get(client, "/admin/login/")

    assert response.status_code == 200
    assert_security_headers(response)


def test_not_found_page_carries_the_security_headers(client, story):
    response = https_get(client, "/stories/no-such-story/")

    assert response.status_code == 404
    assert_security_headers(response)


def test_server_error_page_carries_the_security_headers(client, story, monkeypatch):
    def crash(**values):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("articles.page_queries.home_line_up", crash)
    client.raise_request_exception = False

    response = https_get(client, "/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert_security_headers(response)


def test_no_strict_transport_security_over_plain_http(client, story):
    response = client.get("/stories/harbour/")

    assert "Strict-Transport-Security" not in response


def test_reader_pages_use_no_nonce_so_they_can_be_cached(client, story):
    # A nonce must be new on every response; a cached page would repeat it.
    assert "nonce-" not in client.get("/stories/harbour/")["Content-Security-Policy"]


def test_the_policy_built_once_is_the_one_django_csp_builds(client, story):
    response = client.get("/stories/harbour/")

    assert response["Content-Security-Policy"] == build_policy()


def test_a_change_to_the_policy_setting_reaches_the_next_response(
    client, settings, story
):
    client.get("/stories/harbour/")
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "img-src": ["'self'", "https://images.example"],
        }
    }

    response = client.get("/stories/harbour/")
    assert policy(response)["img-src"] == ["'self'", "https://images.example"]


def test_a_view_with_a_policy_of_its_own_gets_it(rf):
    request = rf.get("/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: response)
    response = HttpResponse("page")
    response._csp_update = {"img-src": ["https://maps.example"]}

    sent = middleware(request)
    assert "https://maps.example" in sent["Content-Security-Policy"]


def test_story_editor_import_map_runs_by_this_responses_nonce(admin_client, story):
    response = https_get(admin_client, f"/admin/articles/article/{story.pk}/change/")

    nonces = [s for s in policy(response)["script-src"] if s.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    page = parse(response)
    # The only inline script on the page is the editor's import map, and it carries it.
    inline = [script for script in page.select("script") if not script.get("src")]
    assert [script.get("type") for script in inline] == ["importmap"]
    assert inline[0]["nonce"] == nonce
    # A second response gets a nonce of its own.
    again = https_get(admin_client, f"/admin/articles/article/{story.pk}/change/")
    assert f"'nonce-{nonce}'" not in again["Content-Security-Policy"]


def test_our_templates_hold_no_inline_script_or_event_handler():
    templates = sorted((settings.BASE_DIR / "templates").rglob("*.html"))
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in templates
        if re.search(r"<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=", path.read_text())
    ]

    assert templates and offenders == []


def test_server_error_page_style_is_allowed_by_its_hash():
    html = (settings.BASE_DIR / "templates" / "500.html").read_text()
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()

    expected = f"'sha256-{digest}'"
    assert expected == settings.SERVER_ERROR_STYLE_HASH
    sources = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert settings.SERVER_ERROR_STYLE_HASH in sources
    assert "'unsafe-inline'" not in sources


def test_rich_text_editor_base_style_is_allowed_by_its_hash():
    # Tiptap (inside django-prose-editor) adds these rules in a <style> element;
    # a new django-prose-editor may change them, and then this hash.
    editor = (
        Path(django_prose_editor.__file__).parent
        / "static"
        / ("django_prose_editor/editor.js")
    )
    styles = re.findall(
        r"`(\.ProseMirror \{\n  position: relative;[^`]*)`", editor.read_text()
    )
    assert len(styles) == 1, "Tiptap's base style was not found in editor.js"
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()

    expected = f"'sha256-{digest}'"
    assert expected == settings.PROSE_EDITOR_STYLE_HASH
    sources = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert settings.PROSE_EDITOR_STYLE_HASH in sources


# ------------------------------------------------------------ HTTPS and proxies


def test_plain_http_is_redirected_to_https(client, settings, story):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/stories/harbour/?page=1")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/stories/harbour/?page=1"


def test_requests_the_proxy_received_over_https_are_not_redirected(
    client, settings, story
):
    settings.SECURE_SSL_REDIRECT = True

    assert https_get(client, "/stories/harbour/").status_code == 200


def test_story_addresses_behind_a_tls_proxy_are_https(client, story):
    page = parse(https_get(client, "/stories/harbour/"))

    canonical = one(page, 'link[rel="canonical"]')["href"]
    assert canonical == "https://testserver/stories/harbour/"
    copy = one(page, "[data-copy-url]")["data-copy-url"]
    assert copy == canonical


def test_forwarded_host_is_ignored_unless_asked_for(client, story):
    page = parse(
        client.get(
            "/stories/harbour/",
            headers={
                "x-forwarded-proto": "https",
                "host": "testserver",
                "x-forwarded-host": "evil.example",
            },
        )
    )

    assert one(page, 'link[rel="canonical"]')["href"].startswith("https://testserver/")


# ---------------------------------------------------------------- cookies


def test_csrf_cookie_is_secure_and_http_only(client):
    response = client.get("/admin/login/")

    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True


def test_session_cookie_is_secure_and_http_only(client, django_user_model):
    django_user_model.objects.create_user(
        "desk", password="a-long-enough-password", is_staff=True
    )

    response = client.post(
        "/admin/login/",
        {"username": "desk", "password": "a-long-enough-password"},
        REMOTE_ADDR="192.0.2.10",
    )

    cookie = response.cookies["sessionid"]
    assert cookie.value
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
