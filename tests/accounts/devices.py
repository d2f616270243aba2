"""People with second-factor devices, and the admin pages about those devices."""

from django.urls import reverse
from django.utils import timezone

from accounts import twofactor
from tests.factories import UserFactory


def people_with_devices(enrolled="김기자", enrolling="이기자"):
    """One person enrolled with backup codes; one mid-enrolment, locked out by wrong codes."""
    app = twofactor.pending_app_device(UserFactory(username=enrolled))
    app.confirmed = True
    app.save()
    twofactor.new_backup_codes(app.user)
    pending = twofactor.pending_app_device(UserFactory(username=enrolling))
    pending.throttling_failure_count, pending.throttling_failure_timestamp = 12, timezone.now()
    pending.save()
    return app, pending, app.user.staticdevice_set.get()


def device_urls(app, pending, backup_codes):
    urls = ["/admin/", reverse("admin:app_list", args=["accounts"])]
    for name, device in [("appdevice", app), ("appdevice", pending), ("backupcodeset", backup_codes)]:
        urls += [
            reverse(f"admin:accounts_{name}_changelist"),
            reverse(f"admin:accounts_{name}_change", args=[device.pk]),
            reverse(f"admin:accounts_{name}_delete", args=[device.pk]),
            reverse(f"admin:accounts_{name}_history", args=[device.pk]),
        ]
    return [
        *urls,
        *(reverse("admin:accounts_appdevice_changelist") + query for query in ["?confirmed=0", "?failures=1"]),
    ]


def device_pages(client, app, pending, backup_codes):
    """(url, page) for every admin page about second-factor devices, delete confirmations included."""
    for url in device_urls(app, pending, backup_codes):
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()
    for name, device in [("appdevice", app), ("backupcodeset", backup_codes)]:
        changelist = reverse(f"admin:accounts_{name}_changelist")
        response = client.post(changelist, {"action": "delete_selected", "_selected_action": [device.pk]})
        assert response.status_code == 200, changelist
        yield f"{changelist} (delete_selected)", response.content.decode()
