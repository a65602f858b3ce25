"""The demo app can be left out: a production site sets DEMO_APP=false."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The site's own code; none of it may need the demo newsroom.
SITE_PACKAGES = ["articles", "media", "cms"]


@pytest.fixture
def manage(tmp_path):
    """Run `manage.py` in a fresh process with the demo app switched off."""
    env = {
        **os.environ,
        "DEMO_APP": "false",
        "SECRET_KEY": "not-a-secret",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_the_site_passes_its_checks_without_the_demo_app(manage):
    result = manage("check", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_database_can_be_built_without_the_demo_app(manage):
    result = manage("migrate", "--no-input")

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("command", ["seed_demo", "ensure_demo_admin"])
def test_demo_commands_are_unknown_without_the_demo_app(manage, command):
    result = manage(command)

    assert result.returncode != 0
    assert f"Unknown command: '{command}'" in result.stderr


def imports_of(path):
    """The top-level package names `path` imports absolutely."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0]


@pytest.mark.parametrize("package", SITE_PACKAGES)
def test_the_site_code_never_imports_the_demo_app(package):
    importers = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / package).rglob("*.py"))
        if "demo" in set(imports_of(path))
    ]

    assert importers == []
