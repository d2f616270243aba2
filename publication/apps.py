from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "publication"
    verbose_name = _("신문 정보")

    def ready(self):
        from articles.models import Correction, Transition
        from articles.signals import demo_loaded
        from newsroom import identity, pagecache
        from publication import indexnow, models
        from publication.demo import load_publication
        from publication.models import FrontPage, FrontPageStory, Page, SiteSettings, forget_pages, forget_site_settings

        # newsroom (admin header, feeds, page cache) reads the paper's name through this accessor.
        identity.register(SiteSettings.current)
        # The footer is on every page, and the front page's line-up is content: a change ends cached pages.
        pagecache.connect([SiteSettings, Page, FrontPage, FrontPageStory])
        for model, forget in [(SiteSettings, forget_site_settings), (Page, forget_pages)]:
            post_save.connect(forget, sender=model, dispatch_uid=f"publication:forget:{model.__name__}:save")
            post_delete.connect(forget, sender=model, dispatch_uid=f"publication:forget:{model.__name__}:delete")
        # Each request keeps its own copy of the site settings, from its start to its end.
        request_started.connect(models.request_started, dispatch_uid="publication:settings:request-started")
        request_finished.connect(models.request_finished, dispatch_uid="publication:settings:request-finished")
        # articles knows nothing of IndexNow: we listen for the records its workflow leaves behind.
        post_save.connect(indexnow.on_transition, sender=Transition, dispatch_uid="publication:indexnow:transition")
        post_save.connect(indexnow.on_correction, sender=Correction, dispatch_uid="publication:indexnow:correction")
        pagecache.publication_due.connect(indexnow.on_publication_due, dispatch_uid="publication:indexnow:due")

        # The demo loader lives in articles; it tells us when to add the paper's demo details.
        demo_loaded.connect(load_publication, dispatch_uid="publication:demo")
