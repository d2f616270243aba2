"""Indexes for a tag's, organisation's or event's most recently created stories (related articles,
event pages).

Each walks one link's rows in article-id order and stops after a few dozen live ones, instead of
reading every row of a common tag. Tables Django creates for us (taggit's, the many-to-many ones) take
no Meta indexes, so these are plain SQL.
"""

from django.db import migrations

INDEXES = [
    ("article_tagged_last", "taggit_taggeditem", "tag_id, content_type_id, object_id"),
    ("article_organisation_last", "articles_article_organisations", "organisation_id, article_id"),
    ("article_event_last", "articles_article_events", "event_id, article_id"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_search_moved"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX {name} ON {table} ({columns})", f"DROP INDEX IF EXISTS {name}")
        for name, table, columns in INDEXES
    ]
