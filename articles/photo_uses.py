"""Which articles use which library photos, kept from every save of an article.

The PhotoUse rows are derived from the article (its lead photo, and the
<figure data-photo-id> elements of its body), like the search index: a
post_save receiver rewrites them in the saving transaction, so no path —
admin, restore, demo loader, shell — can leave them stale. They decide who
may see a photo (articles.views.photo_file) and keep a used photo from being
deleted (on_delete=PROTECT).
"""

from django.db.models.signals import post_save

from articles.models import Article, PhotoUse
from photos.models import Photo


def wanted_uses(article):
    """{(photo_id, role)} the article's current content calls for."""
    wanted = {(article.lead_photo_id, PhotoUse.Role.LEAD)} if article.lead_photo_id else set()
    body_ids = article.photo_ids_in_body()
    if body_ids:
        existing = Photo.objects.filter(pk__in=body_ids).values_list("pk", flat=True)
        wanted |= {(pk, PhotoUse.Role.BODY) for pk in existing}
    return wanted


def sync(article):
    """Make the article's PhotoUse rows match its lead photo and body."""
    wanted = wanted_uses(article)
    have = {(use.photo_id, use.role): use.pk for use in PhotoUse.objects.filter(article=article)}
    stale = [pk for key, pk in have.items() if key not in wanted]
    if stale:
        PhotoUse.objects.filter(pk__in=stale).delete()
    PhotoUse.objects.bulk_create(
        [PhotoUse(article=article, photo_id=pk, role=role) for pk, role in wanted - have.keys()],
        ignore_conflicts=True,
    )


def article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not {"body", "lead_photo"} & set(update_fields):
        return  # a transition or a version bump: the photos have not changed
    sync(instance)


def connect_signals():
    post_save.connect(article_saved, sender=Article, dispatch_uid="articles:photo_uses")
