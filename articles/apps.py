from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("기사")

    def ready(self):
        from django.contrib.contenttypes.models import ContentType
        from taggit.models import Tag, TaggedItem

        from articles import photo_uses, views
        from articles.models import Article, Byline, Correction, PhotoUse, Revision, Transition
        from articles.models.workflow import SCHEDULED
        from newsroom import pagecache
        from photos import visibility

        photo_uses.connect_signals()
        visibility.register(views.photo_visible)
        pagecache.set_next_change_source(Article.objects.next_publication)

        # What no reader can see leaves the page cache alone. Moves in and out of publication
        # (and scheduling, which moves the next change) write a Transition, which does invalidate.
        def live(pk):
            return Article.objects.filter(pk=pk, status=Article.Status.PUBLISHED).exists()

        reader_states = {Article.Status.PUBLISHED, SCHEDULED}
        pagecache.quiet_when(Article, lambda article: article.status != Article.Status.PUBLISHED)
        pagecache.quiet_when(Revision, lambda revision: True)
        pagecache.quiet_when(Transition, lambda move: not reader_states & {move.from_state, move.to_state})
        pagecache.quiet_when(Byline, lambda byline: not live(byline.article_id))
        pagecache.quiet_when(Correction, lambda correction: not live(correction.article_id))
        pagecache.quiet_when(PhotoUse, lambda use: not live(use.article_id))

        def tagging_is_hidden(item):
            article_type = ContentType.objects.get_for_model(Article)  # cached by ContentType's manager
            return item.content_type_id == article_type.pk and not live(item.object_id)

        pagecache.quiet_when(TaggedItem, tagging_is_hidden)
        live_with_tag = Article.objects.filter(status=Article.Status.PUBLISHED)
        pagecache.quiet_when(Tag, lambda tag: not live_with_tag.filter(tags=tag).exists())
