import datetime
import html
import re
import unicodedata

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import nh3
import snowballstemmer
from django.db import migrations, models

# A frozen copy of what search/tokenizer.py and search/index.py did when this migration was
# written: a migration runs the code of its own time, whatever the app becomes later.
CJK_CHARS = (
    "\u1100-\u11ff\u3005\u3006\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\U00020000-\U0003134f"
)
TOKEN_RE = re.compile(rf"(?P<cjk>[{CJK_CHARS}]+)|(?P<word>[^\W_{CJK_CHARS}]+)")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ENGLISH_WORD_RE = re.compile(r"[a-z]+")
MAX_POSITION, MAX_POSITIONS_PER_LEXEME, MAX_WORD_LENGTH, FIELD_GAP = 16383, 256, 60, 10
BLOCK_TAG_RE = re.compile(r"<(/?(?:p|h[1-6]|li|ul|ol|td|th|tr|table|blockquote|br|hr|div)\b)", re.IGNORECASE)
MAX_INDEXED_BODY = 50_000
BATCH = 500
STEMMER = snowballstemmer.stemmer("english")


def tokens(text):
    position = 0
    for match in TOKEN_RE.finditer(text):
        if match.lastgroup == "cjk":
            run = match.group()
            pairs = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
            for pair in pairs:
                yield pair, position
                position += 1
            if len(pairs[0]) == 2:
                yield run[-1], position - 1
        elif len(match.group()) <= MAX_WORD_LENGTH:
            word = match.group()
            yield (STEMMER.stemWord(word) if ENGLISH_WORD_RE.fullmatch(word) else word), position
            position += 1


def quote(lexeme):
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(fields):
    positions, start = {}, 1
    for weight, text in fields:
        last = start
        normal = CONTROL_RE.sub(" ", unicodedata.normalize("NFKC", text or "")).lower()
        for lexeme, offset in tokens(normal):
            last = min(start + offset, MAX_POSITION)
            slots = positions.setdefault(lexeme, [])
            if len(slots) < MAX_POSITIONS_PER_LEXEME:
                slots.append(f"{last}{weight}")
        start = last + FIELD_GAP
    return " ".join(f"{quote(lexeme)}:{','.join(slots)}" for lexeme, slots in positions.items())


def vectors(headline, deck, body, tags, published_at):
    text = nh3.clean(BLOCK_TAG_RE.sub(r" <\1", body or ""), tags=set())
    body_text = " ".join(html.unescape(text).split())[:MAX_INDEXED_BODY]
    title = [("A", headline), ("B", deck), ("D", " , ".join(tags))]
    document = tsvector([*title, ("C", body_text)])
    if published_at is not None:
        utc = published_at.astimezone(datetime.UTC)
        document += f" '_m{utc.year:04d}{utc.month:02d}'"
    return document, tsvector(title)


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
        # Built once over the filled table: far quicker than growing them row by row.
        migrations.AddIndex(
            model_name="entry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["document"], name="search_entry_document"),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["title"], name="search_entry_title"),
        ),
    ]
