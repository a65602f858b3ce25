"""Helpers for the tests that start Byline in a fresh process."""

import json
import os
import re

from django.conf import settings

# Every variable .env.example documents: the subprocesses here start without
# the caller's values for them, so only what a test sets counts.
DOCUMENTED = set(
    re.findall(
        r"^#? ?([A-Z][A-Z0-9_]+)=",
        (settings.BASE_DIR / ".env.example").read_text(),
        re.M,
    )
)

SHOW = "import json; from django.conf import settings as s; print(json.dumps({}))"


def show(manage, env, expression):
    """Print a JSON-able expression over `settings` (named `s`) in a fresh process."""
    result = manage("shell", "--verbosity=0", "-c", SHOW.format(expression), env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def clean_environment(**variables):
    """Return os.environ without Byline's variables, plus `variables`."""
    environment = {
        name: value for name, value in os.environ.items() if name not in DOCUMENTED
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.update(variables)
    return environment
