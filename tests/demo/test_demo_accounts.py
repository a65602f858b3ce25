"""`manage.py ensure_demo_admin`: one demo account per role, for trying the workflow."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from articles import workflow
from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_demo_accounts_get_one_role_each_and_working_passwords(var_dir, rf):
    call_command("ensure_demo_admin", stdout=StringIO())

    lines = (var_dir / "demo-admin.txt").read_text().splitlines()
    accounts = {
        line.split(" ")[0]: (line.split("(")[1].split(")")[0], line.split(": ")[1])
        for line in lines
    }
    assert {name: role for name, (role, _) in accounts.items()} == {
        "admin": ADMINISTRATOR,
        "editor": EDITOR,
        "contributor": CONTRIBUTOR,
    }
    for name, (role, password) in accounts.items():
        # A sign-in is a request: django-axes counts failures per address.
        sign_in = rf.post("/admin/login/")
        user = authenticate(sign_in, username=name, password=password)
        assert user is not None and user.is_staff
        validate_password(password, user)  # the staff password policy holds
        assert list(user.groups.values_list("name", flat=True)) == [role]
    users = get_user_model().objects
    assert workflow.can_publish(users.get(username="editor"))
    assert not workflow.can_publish(users.get(username="contributor"))
    assert users.get(username="admin").has_perm("auth.change_user")
    assert not users.get(username="editor").has_perm("auth.change_user")


def test_running_again_keeps_the_accounts_and_their_passwords(var_dir):
    call_command("ensure_demo_admin", stdout=StringIO())
    first = (var_dir / "demo-admin.txt").read_text()

    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)

    assert (var_dir / "demo-admin.txt").read_text() == first
    assert "already exist" in out.getvalue()
    assert get_user_model().objects.count() == 3


def test_demo_accounts_are_refused_without_debug(settings, tmp_path):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path

    with pytest.raises(CommandError, match="only with DEBUG=true"):
        call_command("ensure_demo_admin", stdout=StringIO())

    assert not get_user_model().objects.exists()
