from django.apps import AppConfig
from django.db.models.signals import post_init
from django.utils.translation import gettext_lazy as _

# django-imagekit's receivers (imagekit.specs.sourcegroups.ModelSignalRouter).
IMAGEKIT_UID = "ik_spec_field_receivers"


def scope_imagekit_post_init():
    """Let imagekit hear post_init only from the models with an ImageSpecField (reporters, organisations).

    It listens to every model's post_init to note its image sources' hashes, so every row a
    reader page loads (some hundred on a list page) went through its receiver: a few percent
    of the page. Its post_save receiver, which reads those hashes, stays as it is.
    """
    from imagekit.specs.sourcegroups import signal_router

    models = {group.model_class for group in getattr(signal_router, "_source_groups", [])}
    if models and post_init.disconnect(dispatch_uid=IMAGEKIT_UID):
        for model in models:
            post_init.connect(signal_router.post_init_receiver, sender=model, dispatch_uid=(IMAGEKIT_UID, model))


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
        scope_imagekit_post_init()
