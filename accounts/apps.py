from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("계정 보안")


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, whose default site asks for the second factor (accounts/admin_site.py)."""

    default = False
    default_site = "accounts.admin_site.NewsroomAdminSite"
