from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportersConfig(AppConfig):
    name = "reporters"
    verbose_name = _("기자")
