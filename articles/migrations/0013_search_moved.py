from django.db import migrations


class Migration(migrations.Migration):
    """The search index moved to its own app (search.Entry): the article row keeps only the article."""

    dependencies = [
        ("articles", "0012_merge_20261126_2336"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_search_vector"),
        migrations.RemoveIndex(model_name="article", name="article_search_title"),
        migrations.RemoveField(model_name="article", name="search_title"),
        migrations.RemoveField(model_name="article", name="search_vector"),
    ]
