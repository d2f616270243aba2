"""Create the 기자 (reporter) and 데스크 (editor) groups with their permissions."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import EDITOR_GROUP, REPORTER_GROUP, ensure_roles


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can hold them.
    for config in global_apps.get_app_configs():
        create_permissions(config, apps=apps, verbosity=0)
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[REPORTER_GROUP, EDITOR_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("events", "0001_initial"),
        ("organisations", "0001_initial"),
        ("reporters", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
