from django.db import migrations

# The trigger of 0002 also on INSERT: an article row deleted and inserted again under the same id
# (raw SQL, a data load) must not find an entry that still says what the old row said.
RECREATE = """
DROP TRIGGER search_entry_follow_article ON articles_article;
CREATE TRIGGER search_entry_follow_article AFTER INSERT OR UPDATE OF status, published_at ON articles_article
    FOR EACH ROW EXECUTE FUNCTION search_entry_follow_article();
"""

RESTORE = """
DROP TRIGGER search_entry_follow_article ON articles_article;
CREATE TRIGGER search_entry_follow_article AFTER UPDATE OF status, published_at ON articles_article
    FOR EACH ROW EXECUTE FUNCTION search_entry_follow_article();
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0002_entry_live_at")]

    operations = [migrations.RunSQL(RECREATE, RESTORE)]
