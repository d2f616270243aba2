"""Index upkeep: each article's search.Entry rewritten from its text, tags and publication month.

Receivers are connected in SearchConfig.ready(): an article saved, its tags changed, a
tag renamed or a workflow move (which sets published_at with update(), so no post_save).
"""

import html
import re

import nh3
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag, TaggedItem

from articles.models import Article, Transition
from search import tokenizer
from search.models import Entry

# Saving any of these changes what the index holds.
INDEXED_FIELDS = {"headline", "deck", "body", "published_at"}
# Block tags end a word: "<h2>제목</h2><p>본문" must not index the bigram 목본.
BLOCK_TAG_RE = re.compile(r"<(/?(?:p|h[1-6]|li|ul|ol|td|th|tr|table|blockquote|br|hr|div)\b)", re.IGNORECASE)
# PostgreSQL refuses a tsvector over 1 MB; a body this long is a paste accident, and its start is enough.
MAX_INDEXED_BODY = 50_000
REBUILD_BATCH = 500


def plain_text(body):
    """The words of a sanitised HTML body: tags and scripts gone, entities decoded, spaces collapsed."""
    text = nh3.clean(BLOCK_TAG_RE.sub(r" <\1", body or ""), tags=set())
    return " ".join(html.unescape(text).split())


def document(headline, deck, body, tags, published_at=None):
    """The tsvector literals of one article: (document with its month, title)."""
    title = [("A", headline), ("B", deck), ("D", " , ".join(tags))]
    body_text = plain_text(body)[:MAX_INDEXED_BODY]
    vector = tokenizer.tsvector([*title, ("C", body_text)])
    return tokenizer.with_period(vector, published_at), tokenizer.tsvector(title)


def write(rows, using="default"):
    """Store (article id, document, title) rows, replacing what was there; an article deleted meanwhile is skipped.

    Entry.live_at is read from the article row as it stands, locked (FOR SHARE) so that a status change
    committing meanwhile is either read here or made after, when the trigger of migration 0002 applies it.
    """
    connection = connections[using]
    table = connection.ops.quote_name(Entry._meta.db_table)
    articles = connection.ops.quote_name(Article._meta.db_table)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (article_id, document, title, live_at)"  # noqa: S608
            f" SELECT id, %s::tsvector, %s::tsvector, CASE WHEN status = %s THEN published_at END"
            f" FROM {articles} WHERE id = %s FOR SHARE"
            " ON CONFLICT (article_id) DO UPDATE"
            " SET document = EXCLUDED.document, title = EXCLUDED.title, live_at = EXCLUDED.live_at",
            [(document, title, Article.Status.PUBLISHED, pk) for pk, document, title in rows],
        )


def tag_names(ids, using="default"):
    """{article id: [tag names]} for some articles."""
    names = {}
    tagged = TaggedItem.objects.using(using).filter(
        content_type__app_label="articles", content_type__model="article", object_id__in=ids
    )
    for object_id, name in tagged.values_list("object_id", "tag__name"):
        names.setdefault(object_id, []).append(name)
    return names


def index_articles(ids, using="default"):
    """Rewrite these articles' entries from what the database holds now; returns how many."""
    tags = tag_names(ids, using)
    fields = ("pk", "headline", "deck", "body", "published_at")
    rows = Article.objects.using(using).filter(pk__in=ids).values_list(*fields)
    write([(pk, *document(h, d, b, tags.get(pk, []), at)) for pk, h, d, b, at in rows], using)
    return len(rows)


def index_article(article, using="default"):
    """Rewrite one article's entry (read again: a workflow move changes published_at with update())."""
    index_articles([article.pk], using)


def rebuild_index(using="default", batch_size=REBUILD_BATCH):
    """Re-index every article; returns how many."""
    ids = list(Article.objects.using(using).order_by("pk").values_list("pk", flat=True))
    return sum(index_articles(ids[first : first + batch_size], using) for first in range(0, len(ids), batch_size))


def on_article_saved(sender, instance, raw=False, using="default", update_fields=None, **kwargs):
    """Index an article whenever its text may have changed (not for fixtures: raw)."""
    if raw or (update_fields is not None and not INDEXED_FIELDS & set(update_fields)):
        return
    index_article(instance, using)


def on_tags_changed(sender, instance, action, using="default", **kwargs):
    """Tags are saved after the article (the admin's save_related): index again then."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Article):
        index_article(instance, using)


def on_tag_renamed(sender, instance, created=False, raw=False, using="default", **kwargs):
    """A tag renamed in the Tag admin: the articles carrying it are indexed under the new name."""
    if not (created or raw):
        for article in Article.objects.using(using).filter(tags=instance).only("pk"):
            index_article(article, using)


def on_tagging_changed(sender, instance, raw=False, using="default", origin=None, **kwargs):
    """A tag linked or unlinked outside the article form (Tag admin inline, tag deleted)."""
    if isinstance(origin, Article):
        return  # the article itself is being deleted, its entry with it: nothing to index again
    article = instance.content_object if not raw else None
    if isinstance(article, Article):
        index_article(article, using)


def on_moved(sender, instance, created=False, raw=False, using="default", **kwargs):
    """A workflow move (publish, schedule, withdraw) may change the month the article is filed under."""
    if created and not raw:
        index_articles([instance.article_id], using)


def connect_signals():
    post_save.connect(on_article_saved, sender=Article, dispatch_uid="search.saved")
    m2m_changed.connect(on_tags_changed, sender=Article.tags.through, dispatch_uid="search.tags")
    post_save.connect(on_tag_renamed, sender=Tag, dispatch_uid="search.tag_renamed")
    post_save.connect(on_moved, sender=Transition, dispatch_uid="search.moved")
    for signal in (post_save, post_delete):
        signal.connect(on_tagging_changed, sender=TaggedItem, dispatch_uid=f"search.tagging.{signal}")
