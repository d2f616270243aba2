"""The desk (데스크) edits the paper's details, its pages and the front page."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import ensure_roles


def grant(apps, schema_editor):
    for config in global_apps.get_app_configs():
        create_permissions(config, apps=apps, verbosity=0)
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("publication", "0001_initial"), ("articles", "0007_search")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
