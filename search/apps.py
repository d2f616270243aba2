from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("검색")

    def ready(self):
        from articles.admin import register_text_search
        from search import index, queries

        index.connect_signals()
        register_text_search(queries.admin_search)
