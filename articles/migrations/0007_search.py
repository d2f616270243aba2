import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# These columns were filled here once; the index now lives in the search app (search.Entry, whose
# first migration indexes every article) and articles 0013 drops them.


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0006_help_texts"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name="검색 색인"),
        ),
        migrations.AddField(
            model_name="article",
            name="search_title",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="제목 검색 색인"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="article_search_vector"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_title"], name="article_search_title"),
        ),
        # Long values (body, search_vector) go to TOAST so a heap row is a few hundred bytes: a search
        # reads one row per hit, and narrow rows stay in cache. search_title stays in the row (MAIN).
        # Existing rows move on their next update or a VACUUM FULL.
        migrations.RunSQL(
            "ALTER TABLE articles_article SET (toast_tuple_target = 128);"
            " ALTER TABLE articles_article ALTER COLUMN search_title SET STORAGE MAIN;",
            "ALTER TABLE articles_article RESET (toast_tuple_target);"
            " ALTER TABLE articles_article ALTER COLUMN search_title SET STORAGE EXTENDED;",
        ),
        # No statistics on search_vector: with them the planner, which does not price decompressing a
        # tsvector, answers a word in most articles with a sequential scan that opens every vector
        # (430 ms at 100k articles) instead of the GIN bitmap (100 ms). Without, it always takes the index.
        migrations.RunSQL(
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STATISTICS 0;",
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STATISTICS -1;",
        ),
    ]
