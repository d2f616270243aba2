from django.db import migrations


class Migration(migrations.Migration):
    """The article's own photo fields, now moved into the photo library (0009)."""

    dependencies = [("articles", "0009_move_photos_to_library")]

    operations = [
        migrations.RemoveField(model_name="article", name="photo"),
        migrations.RemoveField(model_name="article", name="photo_alt"),
        migrations.RemoveField(model_name="article", name="photo_caption"),
        migrations.RemoveField(model_name="article", name="photo_credit"),
    ]
