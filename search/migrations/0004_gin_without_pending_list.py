from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

# Turn the pending list off and empty what it holds into the index (no rebuild): search/models.py says why.
FORWARD = """
ALTER INDEX search_entry_document SET (fastupdate = off);
ALTER INDEX search_entry_title SET (fastupdate = off);
SELECT gin_clean_pending_list('search_entry_document'::regclass);
SELECT gin_clean_pending_list('search_entry_title'::regclass);
"""

BACKWARD = """
ALTER INDEX search_entry_document RESET (fastupdate);
ALTER INDEX search_entry_title RESET (fastupdate);
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0003_entry_live_at_on_insert")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.RemoveIndex(model_name="entry", name="search_entry_document"),
                migrations.RemoveIndex(model_name="entry", name="search_entry_title"),
                migrations.AddIndex(
                    model_name="entry",
                    index=GinIndex(fields=["document"], name="search_entry_document", fastupdate=False),
                ),
                migrations.AddIndex(
                    model_name="entry",
                    index=GinIndex(fields=["title"], name="search_entry_title", fastupdate=False),
                ),
            ],
        )
    ]
