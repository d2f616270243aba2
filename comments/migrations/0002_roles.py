"""Give the 데스크 and 기자 groups their comment permissions."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from comments.roles import ensure_comment_roles


def add_permissions(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can hold them.
    create_permissions(global_apps.get_app_config("comments"), apps=apps, verbosity=0)
    ensure_comment_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.all():
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="comments"))


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_roles"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
