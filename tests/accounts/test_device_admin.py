"""Superusers look after second-factor devices in the admin: see, unlock, delete; never add, never read a secret."""

import base64

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from tests.accounts.devices import device_pages, device_urls, people_with_devices
from tests.factories import UserFactory, editor_user, reporter_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_as_admin(client):
    client.force_login(UserFactory(username="관리자", superuser=True))
    return client


def test_no_page_shows_a_key_or_a_backup_code(client_as_admin):
    devices = people_with_devices()
    secrets = [code for code in StaticToken.objects.values_list("token", flat=True)]
    for device in TOTPDevice.objects.all():
        secrets += [device.key, base64.b32encode(device.bin_key).decode(), device.config_url]
    assert len(secrets) > 10
    for url, page in device_pages(client_as_admin, *devices):
        shown = [secret for secret in secrets if secret.lower() in page.lower()]
        assert shown == [], url


def test_django_otps_own_pages_are_gone():
    for name in ["otp_totp_totpdevice_changelist", "otp_static_staticdevice_changelist", "otp_totp_totpdevice_config"]:
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{name}", args=[1] if name.endswith("config") else [])


def test_nobody_adds_a_device_for_someone_else(client_as_admin):
    for name in ["appdevice", "backupcodeset"]:
        assert client_as_admin.get(reverse(f"admin:accounts_{name}_add")).status_code == 403
        changelist = client_as_admin.get(reverse(f"admin:accounts_{name}_changelist")).content.decode()
        assert reverse(f"admin:accounts_{name}_add") not in changelist


def test_the_unlock_action_lets_the_person_try_a_code_at_once(client_as_admin):
    _, locked, _ = people_with_devices()
    changelist = reverse("admin:accounts_appdevice_changelist")
    assert "까지 잠김" in client_as_admin.get(changelist).content.decode()
    assert locked.verify_is_allowed()[0] is False

    response = client_as_admin.post(
        changelist, {"action": "reset_throttling", "_selected_action": [locked.pk]}, follow=True
    )
    locked.refresh_from_db()
    assert (locked.throttling_failure_count, locked.throttling_failure_timestamp) == (0, None)
    assert locked.verify_is_allowed()[0] is True
    assert "기기 1개의 잠금을 풀었습니다" in response.content.decode()
    assert "까지 잠김" not in response.content.decode()
    assert LogEntry.objects.get(object_id=str(locked.pk)).change_message == "실패 횟수를 초기화했습니다."


def test_deleting_a_lost_phone_sends_the_person_back_to_enrolment(client_as_admin):
    app, pending, _ = people_with_devices()
    response = client_as_admin.post(reverse("admin:accounts_appdevice_delete", args=[app.pk]), {"post": "yes"})
    assert response.status_code == 302
    # The backup codes went with the phone, so nothing proves the person any more: the admin
    # sends them to the enrol page, which hands out new backup codes.
    assert not TOTPDevice.objects.filter(user=app.user).exists()
    assert not StaticDevice.objects.filter(user=app.user).exists()
    assert twofactor.is_enrolled(app.user) is False
    assert TOTPDevice.objects.filter(pk=pending.pk).exists()


def test_the_delete_action_resets_everyone_selected(client_as_admin):
    app, pending, _ = people_with_devices()
    client_as_admin.post(
        reverse("admin:accounts_appdevice_changelist"),
        {"action": "delete_selected", "_selected_action": [app.pk, pending.pk], "post": "yes"},
    )
    assert not TOTPDevice.objects.filter(user__in=[app.user, pending.user]).exists()
    assert not StaticDevice.objects.filter(user=app.user).exists()


def test_deleting_backup_codes_leaves_the_authenticator(client_as_admin):
    app, _, backup_codes = people_with_devices()
    client_as_admin.post(reverse("admin:accounts_backupcodeset_delete", args=[backup_codes.pk]), {"post": "yes"})
    assert not StaticToken.objects.filter(device__user=app.user).exists()
    assert TOTPDevice.objects.filter(pk=app.pk, confirmed=True).exists()


@pytest.mark.parametrize("make_user", [reporter_user, editor_user], ids=["reporter", "editor"])
def test_reporters_and_editors_cannot_see_anyones_devices(client, make_user):
    devices = people_with_devices()
    client.force_login(make_user(username="desk-or-reporter"))
    for url in device_urls(*devices)[2:]:
        assert client.get(url).status_code == 403, url
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:accounts_appdevice_changelist") not in index


def test_django_otps_permission_is_enough_to_see_the_authenticators(client):
    app, _, _ = people_with_devices()
    user = UserFactory(username="보안담당")
    user.user_permissions.add(Permission.objects.get(codename="view_totpdevice"))
    client.force_login(user)
    assert client.get(reverse("admin:accounts_appdevice_change", args=[app.pk])).status_code == 200
    assert client.get(reverse("admin:accounts_appdevice_delete", args=[app.pk])).status_code == 403
    assert client.get(reverse("admin:accounts_backupcodeset_changelist")).status_code == 403
