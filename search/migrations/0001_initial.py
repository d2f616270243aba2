import datetime
import html
import re

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import nh3
from django.db import migrations, models

from search import tokenizer

# A copy of what search/index.py did when this migration was written: a migration runs the code
# of its own time, with the historical models, whatever the app becomes later.
BLOCK_TAG_RE = re.compile(r"<(/?(?:p|h[1-6]|li|ul|ol|td|th|tr|table|blockquote|br|hr|div)\b)", re.IGNORECASE)
MAX_INDEXED_BODY = 50_000
BATCH = 500


def vectors(headline, deck, body, tags, published_at):
    text = nh3.clean(BLOCK_TAG_RE.sub(r" <\1", body or ""), tags=set())
    body_text = " ".join(html.unescape(text).split())[:MAX_INDEXED_BODY]
    title = [("A", headline), ("B", deck), ("D", " , ".join(tags))]
    document = tokenizer.tsvector([*title, ("C", body_text)])
    if published_at is not None:
        utc = published_at.astimezone(datetime.UTC)
        document += f" '_m{utc.year:04d}{utc.month:02d}'"
    return document, tokenizer.tsvector(title)


def index_existing_articles(apps, schema_editor):
    alias = schema_editor.connection.alias
    Article = apps.get_model("articles", "Article")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    tags = {}
    tagged = TaggedItem.objects.using(alias).filter(content_type__app_label="articles", content_type__model="article")
    for object_id, name in tagged.values_list("object_id", "tag__name"):
        tags.setdefault(object_id, []).append(name)
    fields = ("pk", "headline", "deck", "body", "published_at")
    rows = Article.objects.using(alias).values_list(*fields).iterator(chunk_size=BATCH)
    with schema_editor.connection.cursor() as cursor:
        batch = []
        for pk, headline, deck, body, published_at in rows:
            batch.append((pk, *vectors(headline, deck, body, tags.get(pk, []), published_at)))
            if len(batch) == BATCH:
                cursor.executemany("INSERT INTO search_entry (article_id, document, title) VALUES (%s, %s::tsvector, %s::tsvector)", batch)
                batch = []
        cursor.executemany("INSERT INTO search_entry (article_id, document, title) VALUES (%s, %s::tsvector, %s::tsvector)", batch)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0013_search_moved"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="articles.article",
                        verbose_name="기사",
                    ),
                ),
                ("document", django.contrib.postgres.search.SearchVectorField(verbose_name="검색 색인")),
                ("title", django.contrib.postgres.search.SearchVectorField(verbose_name="제목 검색 색인")),
            ],
            options={
                "verbose_name": "검색 색인",
                "verbose_name_plural": "검색 색인",
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(fields=["document"], name="search_entry_document"),
                    django.contrib.postgres.indexes.GinIndex(fields=["title"], name="search_entry_title"),
                ],
            },
        ),
        # title stays in the row (MAIN) so ranking reads it with the row; document goes to TOAST
        # when long, so a search that only needs the GIN index and the title reads narrow rows.
        # No statistics on document: with them the planner, which does not price decompressing a
        # tsvector, answers a word in most articles with a sequential scan that opens every vector
        # instead of the GIN bitmap (docs/SEARCH.md). Without, it always takes the index.
        migrations.RunSQL(
            "ALTER TABLE search_entry ALTER COLUMN title SET STORAGE MAIN;"
            " ALTER TABLE search_entry SET (toast_tuple_target = 128);"
            " ALTER TABLE search_entry ALTER COLUMN document SET STATISTICS 0;",
            migrations.RunSQL.noop,
        ),
        migrations.RunPython(index_existing_articles, migrations.RunPython.noop),
    ]
