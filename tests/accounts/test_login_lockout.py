"""Password guessing at the admin's login is throttled per user name and per address (django-axes)."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, reporter_user

pytestmark = pytest.mark.django_db

PASSWORD = "pass-word-123"


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def fail_five_times(client, username, address="203.0.113.7"):
    for number in range(1, 6):
        response = attempt(client, username, "wrong-password", address)
        # The login form again with its error; the fifth wrong password already locks.
        assert response.status_code == (429 if number == 5 else 200)
    assert not is_logged_in(client)


def test_sixth_attempt_is_refused_even_with_the_right_password(client, settings):
    reporter_user(username="kang")
    fail_five_times(client, "kang")
    response = attempt(client, "kang", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "로그인 시도가 너무 많아" in page
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60}분" in page
    assert not is_logged_in(client)


def test_lock_is_per_user_name_whatever_the_address(client):
    reporter_user(username="kang")
    for number in range(5):
        attempt(client, "kang", "wrong-password", address=f"198.51.100.{number}")
    assert attempt(client, "kang", PASSWORD, address="198.51.100.99").status_code == 429


def test_lock_is_per_address_whatever_the_user_name(client):
    reporter_user(username="kang")
    for number in range(5):
        attempt(client, f"guess-{number}", "wrong-password", address="192.0.2.50")
    assert attempt(client, "kang", PASSWORD, address="192.0.2.50").status_code == 429
    assert attempt(client, "kang", PASSWORD, address="192.0.2.51").status_code == 302


def test_lock_ends_after_the_cool_off(client, settings):
    reporter_user(username="kang")
    fail_five_times(client, "kang")
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME - timedelta(minutes=1), tick=False):
        assert attempt(client, "kang", PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1), tick=False):
        response = attempt(client, "kang", PASSWORD)
        assert response.status_code == 302
        assert is_logged_in(client)


def test_editor_sees_the_lockout_and_clears_it(client_as_editor):
    reporter_user(username="kang")
    locked_out = Client()
    fail_five_times(locked_out, "kang")

    changelist = client_as_editor.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200
    assert "kang" in changelist.content.decode()
    lock = AccessAttempt.objects.get(username="kang")
    response = client_as_editor.post(reverse("admin:axes_accessattempt_delete", args=[lock.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert attempt(locked_out, "kang", PASSWORD).status_code == 302


def test_reporter_cannot_see_or_clear_lockouts(client_as_reporter):
    assert client_as_reporter.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_logins_failures_and_lockouts_are_recorded_for_administrators(client):
    reporter_user(username="kang")
    attempt(client, "kang", PASSWORD)
    guesser = Client()
    fail_five_times(guesser, "kang", address="203.0.113.8")
    attempt(guesser, "kang", PASSWORD, address="203.0.113.8")

    assert AccessLog.objects.filter(username="kang", ip_address="203.0.113.7").count() == 1
    failures = AccessFailureLog.objects.filter(username="kang", ip_address="203.0.113.8")
    assert failures.count() == 6
    assert failures.filter(locked_out=True).exists()

    root = UserFactory(username="root", superuser=True)
    admin_client = Client()
    admin_client.force_login(root)
    for name in ["accesslog", "accessfailurelog", "accessattempt"]:
        response = admin_client.get(reverse(f"admin:axes_{name}_changelist"))
        assert response.status_code == 200
        assert "kang" in response.content.decode()


def test_logging_in_to_another_account_does_not_wipe_someone_elses_failures(client):
    """A colleague (or an attacker with an account) on the same network cannot reset the count."""
    reporter_user(username="kang")
    reporter_user(username="insider")
    guesser = Client()
    for _ in range(4):
        attempt(guesser, "kang", "wrong-password")
    assert attempt(Client(), "insider", PASSWORD).status_code == 302
    attempt(guesser, "kang", "wrong-password")
    assert attempt(guesser, "kang", PASSWORD, address="198.51.100.1").status_code == 429


def test_behind_the_proxy_the_address_is_the_one_the_proxy_saw(client, settings):
    """Entries a client puts in X-Forwarded-For itself cannot dodge the per-address lock."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    reporter_user(username="kang")
    for number in range(5):
        client.post(
            reverse("admin:login"),
            {"username": f"guess-{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.77",
        )
    assert AccessAttempt.objects.filter(ip_address="203.0.113.77").exists()
    response = client.post(
        reverse("admin:login"),
        {"username": "kang", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.77",
    )
    assert response.status_code == 429
