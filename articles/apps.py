from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("기사")

    def ready(self):
        from articles import photo_uses, views
        from articles.search import connect_signals
        from photos import visibility

        connect_signals()
        photo_uses.connect_signals()
        visibility.register(views.photo_visible)
