"""Idle sessions end; the admin's password change applies the password validators; the admin can move."""

import importlib
from datetime import timedelta

import pytest
from django.urls import clear_url_caches, reverse
from django.utils import timezone
from time_machine import travel

from tests.factories import reporter_user

pytestmark = pytest.mark.django_db


def test_session_ends_after_the_idle_time_and_activity_renews_it(client, settings):
    client.force_login(reporter_user(username="kang"))
    idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    start = timezone.now()
    with travel(start + idle - timedelta(minutes=5), tick=False):
        assert client.get(reverse("admin:index")).status_code == 200  # activity renews the session
    with travel(start + idle + timedelta(minutes=5), tick=False):
        assert client.get(reverse("admin:index")).status_code == 200
    with travel(start + 2 * idle + timedelta(minutes=10), tick=False):
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_idle_time_is_a_setting():
    from tests.security.test_https import show

    assert (
        show({"SESSION_IDLE_SECONDS": "900"}, "[s.SESSION_COOKIE_AGE, s.SESSION_SAVE_EVERY_REQUEST]") == "[900, True]"
    )


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("12345", "너무 짧습니다"),
        ("password123", "너무 흔히 사용되는"),
        ("83749217834", "전부 숫자로"),
        ("kang@example", "유사"),
    ],
)
def test_admin_password_change_applies_the_validators(client, password, complaint):
    client.force_login(reporter_user(username="kang", email="kang@example.com"))
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": "pass-word-123", "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert complaint in response.content.decode()
    client.logout()
    assert client.login(username="kang", password="pass-word-123")


def test_a_good_password_is_accepted(client):
    client.force_login(reporter_user(username="kang"))
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "pass-word-123",
            "new_password1": "서울 스마트시티 2020",
            "new_password2": "서울 스마트시티 2020",
        },
    )
    assert response.status_code == 302


@pytest.fixture
def admin_moved(settings):
    import newsroom.urls

    settings.ADMIN_URL = "desk-7f3a/"
    importlib.reload(newsroom.urls)
    clear_url_caches()
    yield
    settings.ADMIN_URL = "admin/"
    importlib.reload(newsroom.urls)
    clear_url_caches()


@pytest.mark.filterwarnings("ignore:Converter .uslug. is already registered")
def test_the_admin_url_is_a_setting(client_as_editor, admin_moved):
    assert reverse("admin:index") == "/desk-7f3a/"
    assert client_as_editor.get("/desk-7f3a/").status_code == 200
    assert client_as_editor.get("/admin/").status_code == 404
    policy = client_as_editor.get("/desk-7f3a/articles/article/add/")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy  # the admin's own policy follows it


def test_admin_url_comes_from_the_environment():
    from tests.security.test_https import show

    assert show({"ADMIN_URL": "/newsdesk"}, "s.ADMIN_URL") == "newsdesk/"
