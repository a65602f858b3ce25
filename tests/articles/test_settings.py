"""Settings come from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

MANAGE = settings.BASE_DIR / "manage.py"


def manage(*args, **env):
    """Run `manage.py *args` in a fresh process with DEBUG and SECRET_KEY unset."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "SECRET_KEY"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_without_secret_key_in_production_fails_naming_the_variable():
    if (settings.BASE_DIR / ".env").exists():
        pytest.skip("a local .env file may supply SECRET_KEY or DEBUG")

    result = manage("check")

    assert result.returncode != 0
    assert "The SECRET_KEY environment variable is not set." in result.stderr
    assert "Traceback" not in result.stderr


def test_check_with_debug_explicitly_off_and_empty_secret_key_fails():
    result = manage("check", DEBUG="false", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_without_secret_key_passes_in_debug_mode():
    result = manage("check", DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_with_a_secret_key_passes_in_production():
    result = manage("check", SECRET_KEY="a-long-random-production-secret")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_debug_is_off_unless_set():
    show_debug = "from django.conf import settings; print(settings.DEBUG)"

    result = manage(
        "shell", "--verbosity=0", "-c", show_debug, SECRET_KEY="s", DEBUG=""
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_debug_is_on_when_set_to_true():
    show_debug = "from django.conf import settings; print(settings.DEBUG)"

    result = manage("shell", "--verbosity=0", "-c", show_debug, DEBUG="true")

    assert result.stdout.strip() == "True"
