from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("댓글")

    def ready(self):
        from articles.signals import demo_loaded
        from comments.demo import load_demo_comments
        from comments.models import ArticleCommentOption
        from newsroom import pagecache

        demo_loaded.connect(load_demo_comments, dispatch_uid="comments.demo")
        # Opening or closing comments changes the article page; comments themselves refresh it only when
        # they become or stop being public (comments.models.refresh_pages), so spam never empties the cache.
        pagecache.connect([ArticleCommentOption])
