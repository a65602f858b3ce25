"""Admin sign-ins are throttled per user name and address (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from cms.security import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "tide-tables-and-harbour-lights"
ATTACKER, EDITOR_DESK = "203.0.113.7", "198.51.100.20"
LOCKED_TEXT = "Too many failed sign-ins"


@pytest.fixture
def desk(django_user_model):
    return django_user_model.objects.create_user(
        "desk", password=PASSWORD, is_staff=True
    )


@pytest.fixture
def harbour_desk(django_user_model):
    return django_user_model.objects.create_user("harbourdesk", is_staff=True)


def sign_in(client, password, *, address, username="desk"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in_as(client):
    response = client.get("/admin/")
    return response.status_code == 200 and response.context["user"].username


def fail(client, times, *, address, username="desk"):
    """Sign in with a wrong password `times` times, each answered normally."""
    for attempt in range(times):
        response = sign_in(
            client, f"wrong-{attempt}", address=address, username=username
        )
        assert response.status_code == 200, f"attempt {attempt + 1}"
        assert "Please enter the correct username and password" in (
            response.content.decode()
        )


def lock_out(client, settings, *, address, username="desk"):
    """Fail up to the limit: the failure that reaches it is answered with the lockout."""
    fail(client, settings.AXES_FAILURE_LIMIT - 1, address=address, username=username)
    response = sign_in(client, "wrong-again", address=address, username=username)
    assert response.status_code == 429
    return response


def test_wrong_passwords_below_the_limit_are_answered_normally(client, settings, desk):
    fail(client, settings.AXES_FAILURE_LIMIT - 1, address=ATTACKER)

    response = sign_in(client, PASSWORD, address=ATTACKER)

    assert response.status_code == 302
    assert signed_in_as(client) == "desk"


def test_the_limit_locks_out_even_the_right_password(client, settings, desk):
    locked = lock_out(client, settings, address=ATTACKER)

    response = sign_in(client, PASSWORD, address=ATTACKER)

    for answer in (locked, response):
        assert answer.status_code == 429
        html = answer.content.decode()
        assert LOCKED_TEXT in html
        assert f"after {settings.AXES_FAILURE_LIMIT} wrong passwords" in html
        assert "for 30 minutes" in html
        assert "delete the access attempt" in html
    assert signed_in_as(client) is False


def test_the_right_password_from_another_address_still_works(client, settings, desk):
    lock_out(client, settings, address=ATTACKER)
    assert sign_in(client, PASSWORD, address=ATTACKER).status_code == 429

    response = sign_in(client, PASSWORD, address=EDITOR_DESK)

    assert response.status_code == 302
    assert signed_in_as(client) == "desk"


def test_another_user_name_from_the_locked_address_is_not_locked(
    client, settings, desk, django_user_model
):
    django_user_model.objects.create_user("night", password=PASSWORD, is_staff=True)
    lock_out(client, settings, address=ATTACKER)

    response = sign_in(client, PASSWORD, address=ATTACKER, username="night")

    assert response.status_code == 302


def test_a_lower_limit_locks_sooner(client, settings, desk):
    settings.AXES_FAILURE_LIMIT = 2
    fail(client, 1, address=ATTACKER)

    assert sign_in(client, "wrong", address=ATTACKER).status_code == 429


def test_an_administrator_unlocks_in_the_admin(client, admin_client, settings, desk):
    lock_out(client, settings, address=ATTACKER)
    assert sign_in(client, PASSWORD, address=ATTACKER).status_code == 429
    attempt = AccessAttempt.objects.get(username="desk", ip_address=ATTACKER)

    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert ATTACKER in listing.content.decode()
    unlocked = admin_client.post(
        f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}
    )

    assert unlocked.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, PASSWORD, address=ATTACKER).status_code == 302
    assert signed_in_as(client) == "desk"


def test_without_a_cool_off_the_lockout_lasts_until_unlocked(client, settings, desk):
    settings.LOGIN_LOCKOUT_MINUTES = 0
    settings.AXES_COOLOFF_TIME = None

    html = lock_out(client, settings, address=ATTACKER).content.decode()

    assert "It stays locked, even for the right password, until it is unlocked" in html
    assert "minutes" not in html


def test_a_successful_sign_in_clears_the_count(client, settings, desk):
    fail(client, settings.AXES_FAILURE_LIMIT - 1, address=ATTACKER)
    assert sign_in(client, PASSWORD, address=ATTACKER).status_code == 302
    client.logout()

    fail(client, settings.AXES_FAILURE_LIMIT - 1, address=ATTACKER)

    assert sign_in(client, PASSWORD, address=ATTACKER).status_code == 302


# ------------------------------------------------------- the client's address


def request_from(peer, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return RequestFactory().post("/admin/login/", REMOTE_ADDR=peer, headers=headers)


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_from("10.0.0.2", "1.2.3.4")) == "10.0.0.2"


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # The client wrote "1.2.3.4" itself; the load balancer appended what it saw.
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.7")) == (
        "203.0.113.7"
    )


def test_behind_a_cdn_and_a_load_balancer_two_hops_are_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    forwarded = "1.2.3.4, 203.0.113.7, 198.51.100.1"
    assert client_ip(request_from("10.0.0.2", forwarded)) == "203.0.113.7"


def test_a_request_that_skipped_the_proxies_falls_back_sensibly(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_from("10.0.0.2", "203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"


def test_a_forged_forwarded_for_cannot_dodge_the_lockout(client, settings, desk):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "desk", "password": f"wrong-{attempt}"},
            REMOTE_ADDR="10.0.0.2",
            headers={"X-Forwarded-For": f"192.0.2.{attempt}, {ATTACKER}"},
        )

    response = client.post(
        "/admin/login/",
        {"username": "desk", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        headers={"X-Forwarded-For": f"192.0.2.99, {ATTACKER}"},
    )

    assert response.status_code == 429


# ---------------------------------------------------------- password policy


@pytest.mark.parametrize(
    "password, reason",
    [
        ("harbour-1", "too short"),
        ("password1234", "too common"),
        ("839201746153", "entirely numeric"),
        ("harbourdesk12", "too similar"),
    ],
)
def test_staff_passwords_must_be_strong(harbour_desk, password, reason):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, harbour_desk)

    assert reason in " ".join(refused.value.messages)


def test_a_long_uncommon_password_is_accepted(desk):
    validate_password(PASSWORD, desk)


def test_the_admin_refuses_a_weak_password_when_setting_one(admin_client, desk):
    response = admin_client.post(
        f"/admin/auth/user/{desk.pk}/password/",
        {"password1": "harbour-1", "password2": "harbour-1"},
    )

    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    desk.refresh_from_db()
    assert desk.check_password(PASSWORD)
