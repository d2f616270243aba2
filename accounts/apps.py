from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static import apps as static_apps
from django_otp.plugins.otp_totp import apps as totp_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("계정 보안")


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, whose default site asks for the second factor (accounts/admin_site.py)."""

    default = False
    default_site = "accounts.admin_site.NewsroomAdminSite"


class AxesConfig(axes_apps.AppConfig):
    """django-axes, under a Korean name in the admin."""

    default = False
    verbose_name = _("로그인 기록과 잠금")


class TOTPConfig(totp_apps.DefaultConfig):
    default = False
    verbose_name = _("2단계 인증: 인증 앱")


class StaticConfig(static_apps.DefaultConfig):
    default = False
    verbose_name = _("2단계 인증: 백업 코드")
