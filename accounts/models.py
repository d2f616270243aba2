"""django-otp's devices under Korean names, for the admin (accounts/admin.py).

django-otp names its models in plain English strings, which no catalogue can translate;
proxies give them Korean names without touching django-otp's own migrations.
"""

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class AppDevice(TOTPDevice):
    """An authenticator app (TOTP) a person enrolled on the enrol page."""

    class Meta:
        proxy = True
        verbose_name = _("인증 앱 기기")
        verbose_name_plural = pgettext_lazy("plural", "인증 앱 기기")

    def __str__(self):
        return gettext("%(user)s의 인증 앱") % {"user": self.user.get_username()}


class BackupCodeSetQuerySet(models.QuerySet):
    def with_codes_left(self):
        """Annotate `codes_left`: how many single-use codes are still unused."""
        return self.annotate(codes_left=Count("token_set"))


class BackupCodeSet(StaticDevice):
    """A person's single-use backup codes (django-otp's static device), for a lost phone."""

    objects = BackupCodeSetQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("백업 코드 묶음")
        verbose_name_plural = _("백업 코드 묶음")

    def __str__(self):
        return gettext("%(user)s의 백업 코드") % {"user": self.user.get_username()}
