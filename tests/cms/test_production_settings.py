"""Production variables give a clean deployment check; the knobs docs/deploy.md names work."""

import json

from tests.cms.support import show


def test_deployment_check_has_nothing_to_say_with_production_variables(
    manage, production_env
):
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=production_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_deployment_check_still_warns_about_a_weakened_setting(manage, production_env):
    # The clean check above is earned, not silenced: turn HSTS off and it speaks.
    production_env["SECURE_HSTS_SECONDS"] = "0"

    result = manage("check", "--deploy", env=production_env)

    assert "security.W004" in result.stderr


def test_hsts_preload_is_an_explicit_choice(manage, production_env):
    production_env.update(SECURE_HSTS_SECONDS="31536000", SECURE_HSTS_PRELOAD="true")

    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=production_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "(0 silenced)" in result.stdout


def test_production_defaults(manage, production_env):
    values = show(
        manage,
        production_env,
        "[s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER,"
        " s.USE_X_FORWARDED_HOST, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, s.TRUSTED_PROXY_COUNT]",
    )

    assert values == [
        True,
        3600,
        ["HTTP_X_FORWARDED_PROTO", "https"],
        False,
        True,
        True,
        True,
        True,
        0,
    ]


def test_proxy_settings_come_from_the_environment(manage, production_env):
    production_env.update(
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Scheme",
        USE_X_FORWARDED_HOST="true",
        TRUSTED_PROXY_COUNT="2",
    )

    values = show(
        manage,
        production_env,
        "[s.SECURE_PROXY_SSL_HEADER, s.USE_X_FORWARDED_HOST, s.TRUSTED_PROXY_COUNT]",
    )

    assert values == [["HTTP_X_FORWARDED_SCHEME", "https"], True, 2]


def test_an_empty_proxy_ssl_header_trusts_no_header(manage, production_env):
    production_env["SECURE_PROXY_SSL_HEADER"] = ""

    assert show(manage, production_env, "s.SECURE_PROXY_SSL_HEADER") is None


def test_the_admin_can_live_at_another_address(manage, production_env):
    production_env["ADMIN_PATH"] = "/newsroom-desk/"

    addresses = show(
        manage,
        production_env,
        "[__import__('django.urls').urls.reverse(name) for name in"
        " ('admin:index', 'admin:login')]",
    )

    assert addresses == ["/newsroom-desk/", "/newsroom-desk/login/"]


def test_the_admin_is_not_at_admin_when_moved(manage, production_env):
    production_env["ADMIN_PATH"] = "newsroom-desk"
    code = """
import json
from django.urls import Resolver404, resolve
try:
    old = resolve("/admin/").view_name
except Resolver404:
    old = None
print(json.dumps([resolve("/newsroom-desk/").view_name, old]))
"""

    result = manage("shell", "--verbosity=0", "-c", code, env=production_env)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["admin:index", None]


def test_login_throttling_comes_from_the_environment(manage, production_env):
    production_env.update(LOGIN_FAILURE_LIMIT="3", LOGIN_LOCKOUT_MINUTES="0")

    values = show(
        manage, production_env, "[s.AXES_FAILURE_LIMIT, str(s.AXES_COOLOFF_TIME)]"
    )

    assert values == [3, "None"]


def test_login_throttling_defaults(manage, production_env):
    values = show(
        manage,
        production_env,
        "[s.AXES_FAILURE_LIMIT, str(s.AXES_COOLOFF_TIME), s.AXES_LOCKOUT_PARAMETERS]",
    )

    assert values == [5, "0:30:00", [["username", "ip_address"]]]


def test_an_unknown_log_format_stops_start_up(manage, production_env):
    production_env["LOG_FORMAT"] = "xml"

    result = manage("check", env=production_env)

    assert result.returncode != 0
    assert "LOG_FORMAT must be text or json." in result.stderr
