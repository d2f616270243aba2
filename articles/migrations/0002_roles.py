"""Create the 기자 (reporter) and 데스크 (editor) groups with their permissions."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import EDITOR_APPS, EDITOR_GROUP, REPORTER_GROUP, REPORTER_PERMISSIONS


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can hold them.
    for config in global_apps.get_app_configs():
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    reporter, _ = Group.objects.get_or_create(name=REPORTER_GROUP)
    for app_label, codename in REPORTER_PERMISSIONS:
        reporter.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))

    editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))


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
