"""Reporters add and caption library photos; editors may also delete unused ones."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import ensure_roles


def grant(apps, schema_editor):
    for config in global_apps.get_app_configs():
        create_permissions(config, apps=apps, verbosity=0)
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_remove_article_photo_fields"), ("photos", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
