"""Helpers for the tests that start Byline in a fresh process."""

import json

SHOW = "import json; from django.conf import settings as s; print(json.dumps({}))"


def show(manage, env, expression):
    """Print a JSON-able expression over `settings` (named `s`) in a fresh process."""
    result = manage("shell", "--verbosity=0", "-c", SHOW.format(expression), env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
