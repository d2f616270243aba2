"""Other tests log in with force_login or the client_as_* fixtures: under enforced two-factor they
still reach the admin, because tests/conftest.py passes the second factor for them."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, editor_user

pytestmark = pytest.mark.django_db


def test_client_as_editor_reaches_the_admin(client_as_editor):
    assert client_as_editor.get(reverse("admin:index")).status_code == 200


def test_client_as_superuser_reaches_the_admin(client_as_superuser):
    assert client_as_superuser.get(reverse("admin:auth_user_changelist")).status_code == 200


def test_force_login_and_login_reach_the_admin(client):
    client.force_login(editor_user(username="desk"))
    assert client.get(reverse("admin:index")).status_code == 200
    UserFactory(username="root", superuser=True)
    client.logout()
    assert client.login(username="root", password="pass-word-123")
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.real_two_factor
def test_the_marker_turns_the_help_off(client):
    client.force_login(editor_user(username="desk"))
    assert client.get(reverse("admin:index")).status_code == 302
