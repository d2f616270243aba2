from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("뉴스룸")

    def ready(self):
        # Every model whose change can alter a reader page ends the cached pages' generation.
        from django.apps import apps

        from newsroom import checks, dbrouter, pagecache  # noqa: F401 - checks registers itself

        content_apps = ["articles", "reporters", "organisations", "events", "photos", "taggit"]
        pagecache.connect(model for label in content_apps for model in apps.get_app_config(label).get_models())
        if dbrouter.replica_configured():
            pagecache.set_bump_fence(dbrouter.position_fence)
