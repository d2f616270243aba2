"""Who needs a second factor, and what a signed-in person still owes us.

TOTP (an authenticator app) is the factor; single-use backup codes (django-otp's static
device) stand in for a lost phone. Enforcement is in accounts/admin_site.py.
"""

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"


def is_required(user):
    """Superusers, members of TWO_FACTOR_GROUPS (데스크), or everyone with TWO_FACTOR_FOR_ALL."""
    if not user.is_authenticated:
        return False
    if settings.TWO_FACTOR_FOR_ALL or user.is_superuser:
        return True
    cached = getattr(user, "_two_factor_required", None)
    if cached is None:
        cached = user._two_factor_required = user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()
    return cached


def is_enrolled(user):
    """Whether the user has a confirmed authenticator (or backup codes) to prove themselves with."""
    return user_has_device(user, confirmed=True)


def owes_second_factor(user):
    """A password-only session of someone who must (or chose to) use a second factor."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if getattr(user, "is_verified", lambda: False)():
        return False
    return is_required(user) or is_enrolled(user)


def pending_app_device(user):
    """The authenticator being enrolled: the same secret across reloads of the enrolment page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def new_backup_codes(user):
    """Replace the user's backup codes with fresh ones and return them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_backup_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def turn_off(user):
    """Forget every device of the user (a lost phone; an administrator's reset)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def reset_throttling(devices):
    """Let the owners of these devices try a code again at once (an administrator's unlock)."""
    return devices.update(throttling_failure_count=0, throttling_failure_timestamp=None)
