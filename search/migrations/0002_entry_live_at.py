from django.db import migrations, models

# When readers may see an article, kept on its search entry so a search reads one table. The index
# writes it (search/index.py) and this trigger keeps it in step with every later change of an
# article's status or publish time, however it is made (save, update(), raw SQL), in the same
# transaction: a withdrawn story leaves search the moment its withdrawal commits.
# 'published' is ArticleStatus.PUBLISHED as this migration was written.
LIVE_AT = "CASE WHEN {row}.status = 'published' THEN {row}.published_at END"

CREATE_TRIGGER = f"""
CREATE FUNCTION search_entry_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_entry SET live_at = {LIVE_AT.format(row="NEW")}
    WHERE article_id = NEW.id AND live_at IS DISTINCT FROM {LIVE_AT.format(row="NEW")};
    RETURN NULL;
END
$$;
CREATE TRIGGER search_entry_follow_article AFTER UPDATE OF status, published_at ON articles_article
    FOR EACH ROW EXECUTE FUNCTION search_entry_follow_article();
UPDATE search_entry e SET live_at = {LIVE_AT.format(row="a")} FROM articles_article a WHERE a.id = e.article_id;
"""

DROP_TRIGGER = """
DROP TRIGGER search_entry_follow_article ON articles_article;
DROP FUNCTION search_entry_follow_article();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_linked_last_indexes"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="live_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="독자에게 보이는 시각"),
        ),
        migrations.RunSQL(CREATE_TRIGGER, DROP_TRIGGER),
    ]
