"""Editors (데스크) see and clear login lockouts: the axes permissions join their role."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import ensure_roles


def grant(apps, schema_editor):
    for config in global_apps.get_app_configs():
        create_permissions(config, apps=apps, verbosity=0)
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_search"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
