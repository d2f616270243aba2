"""The groups that migrations leave behind hold every permission the roles name, whatever order apps migrated in."""

import pytest
from django.contrib.auth.models import Group, Permission

from articles.roles import EDITOR_APPS, EDITOR_GROUP, REPORTER_GROUP, REPORTER_PERMISSIONS

pytestmark = pytest.mark.django_db


def held(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_the_reporter_group_holds_every_reporter_permission():
    assert set(REPORTER_PERMISSIONS) <= held(REPORTER_GROUP)


def test_the_editor_group_holds_every_permission_of_its_apps():
    expected = set(
        Permission.objects.filter(content_type__app_label__in=EDITOR_APPS).values_list(
            "content_type__app_label", "codename"
        )
    )
    assert expected <= held(EDITOR_GROUP)
