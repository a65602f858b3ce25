import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.cms.support import clean_environment

MANAGE = settings.BASE_DIR / "manage.py"


@pytest.fixture
def production_env(tmp_path):
    """The variables docs/deploy.md asks for, with a SQLite file in a temporary folder."""
    return clean_environment(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="news.example.com",
        CSRF_TRUSTED_ORIGINS="https://news.example.com",
        DATABASE_URL=f"sqlite:///{tmp_path / 'byline.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        DEMO_APP="false",
    )


@pytest.fixture
def manage():
    """Run `manage.py` in a fresh process with exactly the environment given."""

    def run(*args, env):
        return subprocess.run(
            [sys.executable, str(MANAGE), *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run
