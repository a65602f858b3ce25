"""With DEBUG off, a server refuses to start before `collectstatic`, saying so."""

import subprocess
import sys

import pytest
from django.conf import settings


def load(entry_point, env, *, then=""):
    """Import cms.wsgi or cms.asgi in a fresh process, as a server would; then
    run the Python statement `then`, if any, in it."""
    return subprocess.run(
        [sys.executable, "-c", f"import {entry_point}; {then}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("entry_point", ["cms.wsgi", "cms.asgi"])
def test_the_server_refuses_to_start_before_collectstatic(production_env, entry_point):
    result = load(entry_point, production_env)

    assert result.returncode != 0
    assert "Static files have not been collected into STATIC_ROOT" in result.stderr
    assert "python manage.py collectstatic --noinput" in result.stderr


def test_the_server_starts_once_static_files_are_collected(manage, production_env):
    collected = manage("collectstatic", "--noinput", "-v0", env=production_env)
    assert collected.returncode == 0, collected.stderr

    result = load("cms.wsgi", production_env)

    assert result.returncode == 0, result.stderr


def test_the_server_keeps_what_start_up_made_out_of_the_collectors_rounds(
    manage, production_env
):
    collected = manage("collectstatic", "--noinput", "-v0", env=production_env)
    assert collected.returncode == 0, collected.stderr
    result = load(
        "cms.wsgi", production_env, then="import gc; print(gc.get_freeze_count())"
    )

    assert result.returncode == 0, result.stderr
    # Django, the URL conf and the app's modules: tens of thousands of objects.
    assert int(result.stdout) > 10_000


def test_debug_needs_no_collected_static_files(production_env):
    production_env["DEBUG"] = "true"

    assert load("cms.wsgi", production_env).returncode == 0
