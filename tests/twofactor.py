"""How tests get past the second factor (accounts/twofactor.py) without each test knowing about it.

`client.force_login(user)` (and the client_as_* fixtures) give a session verified with a TOTP
device made for the user when the user must have one; the browser's `log_in()` types a real
code from the user's device. Tests that prove the enforcement opt out with
`@pytest.mark.real_two_factor` and log in through the admin's forms.
"""

from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor


def authenticator(user):
    """The user's confirmed authenticator app, made now if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=twofactor.APP_DEVICE_NAME, confirmed=True)


def current_code(device):
    """The code the authenticator app shows now; the device forgets codes already used, so the
    same code can serve several logins in one 30-second step."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    return f"{totp_now(device):0{device.digits}d}"


def totp_now(device):
    return totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)


def needs_device(user):
    return twofactor.is_required(user) or twofactor.is_enrolled(user)


def install(monkeypatch):
    """Make Client.force_login and Client.login leave a session that has passed the second factor."""
    original_login = Client._login

    def _login(self, user, backend=None):
        original_login(self, user, backend)
        if user.is_staff and needs_device(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
            session.save()

    def login(self, **credentials):
        # django-axes needs the request to count failures; Django's Client.login passes none.
        user = authenticate(RequestFactory().post("/"), **credentials)
        if user is None:
            return False
        self._login(user)
        return True

    monkeypatch.setattr(Client, "_login", _login)
    monkeypatch.setattr(Client, "login", login)
