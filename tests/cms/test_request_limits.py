"""Request bodies have a size limit in Django; the proxy's limit is in docs/deploy.md."""

import pytest

from tests.cms.support import show

pytestmark = pytest.mark.django_db


def post_form_of(client, size):
    """POST a sign-in form whose encoded body is `size` bytes long."""
    prefix = "username=desk&password="
    return client.generic(
        "POST",
        "/admin/login/",
        prefix + "x" * (size - len(prefix)),
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR="192.0.2.1",
    )


def test_a_form_body_within_the_limit_is_read(client, settings):
    response = post_form_of(client, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)

    assert response.status_code == 200
    assert "Please enter the correct username and password" in (
        response.content.decode()
    )


def test_a_form_body_over_the_limit_is_refused(client, settings):
    response = post_form_of(client, settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    assert response.status_code == 400


def test_the_limits_come_from_the_environment(manage, production_env):
    production_env.update(
        DATA_UPLOAD_MAX_MEMORY_SIZE="65536", FILE_UPLOAD_MAX_MEMORY_SIZE="1048576"
    )

    values = show(
        manage,
        production_env,
        "[s.DATA_UPLOAD_MAX_MEMORY_SIZE, s.FILE_UPLOAD_MAX_MEMORY_SIZE]",
    )

    assert values == [65536, 1048576]


def test_the_default_limits(manage, production_env):
    values = show(
        manage,
        production_env,
        "[s.DATA_UPLOAD_MAX_MEMORY_SIZE, s.FILE_UPLOAD_MAX_MEMORY_SIZE]",
    )

    assert values == [2 * 1024 * 1024, 2 * 1024 * 1024]
