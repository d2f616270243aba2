"""`make run`'s demo editor logs in with the README's published authenticator secret."""

from base64 import b32decode

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp

from accounts.management.commands.demo_two_factor import DEMO_SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.real_two_factor]


def test_demo_editor_logs_in_with_the_documented_secret(client, demo, settings, capsys):
    settings.DEBUG = True
    call_command("demo_two_factor")
    call_command("demo_two_factor")  # twice, as every `make run` does: still one device
    assert DEMO_SECRET in capsys.readouterr().out

    response = client.post(reverse("admin:login"), {"username": "editor", "password": "newsroom-editor"})
    assert response.url.startswith(reverse("admin:two_factor_verify"))
    code = f"{totp(b32decode(DEMO_SECRET)):06d}"
    client.post(reverse("admin:two_factor_verify"), {"otp_token": code})
    assert client.get(reverse("admin:index")).status_code == 200

    call_command("otp_code", "editor")
    printed = capsys.readouterr().out.strip()
    assert printed in {code, f"{totp(b32decode(DEMO_SECRET)):06d}"}  # a new 30-second step may have begun


def test_demo_secret_and_codes_are_refused_without_debug(demo, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_two_factor")
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("otp_code", "editor")
