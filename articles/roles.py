"""The newsroom's roles, as Django groups created by a data migration.

Permissions say what each role may touch; which transitions a user may make
on a given article is decided by predicates on Article (see STYLE.md).
"""

REPORTER_GROUP = "기자"
EDITOR_GROUP = "데스크"

# (app_label, codename) pairs.
REPORTER_PERMISSIONS = [
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_article"),
    ("articles", "view_section"),
    ("articles", "add_byline"),
    ("articles", "change_byline"),
    ("articles", "delete_byline"),
    ("articles", "view_byline"),
    ("reporters", "view_reporter"),
    ("organisations", "add_organisation"),
    ("organisations", "change_organisation"),
    ("organisations", "view_organisation"),
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "view_event"),
    ("events", "add_session"),
    ("events", "change_session"),
    ("events", "delete_session"),
    ("events", "view_session"),
    ("photos", "add_photo"),
    ("photos", "change_photo"),
    ("photos", "view_photo"),
    ("taggit", "add_tag"),
    ("taggit", "view_tag"),
]

EDITOR_APPS = ["articles", "reporters", "organisations", "events", "photos", "taggit", "publication"]
# Editors link reporters to their logins, so they look users up (but do not change them).
# They also see and clear login lockouts (django-axes), so a locked-out reporter need not wait.
EDITOR_EXTRA_PERMISSIONS = [
    ("auth", "view_user"),
    ("axes", "view_accessattempt"),
    ("axes", "delete_accessattempt"),
]


def ensure_roles(group_model, permission_model):
    """Create or complete both groups; takes the models so a migration can pass its historical ones."""
    reporter, _ = group_model.objects.get_or_create(name=REPORTER_GROUP)
    for app_label, codename in REPORTER_PERMISSIONS:
        # filter, not get: an early migration can run before a later app (photos) has its permissions;
        # that app's own roles migration completes the group (tests check the finished groups).
        reporter.permissions.add(*permission_model.objects.filter(content_type__app_label=app_label, codename=codename))
    editor, _ = group_model.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.add(*permission_model.objects.filter(content_type__app_label__in=EDITOR_APPS))
    for app_label, codename in EDITOR_EXTRA_PERMISSIONS:
        # filter, not get: an early migration runs before the app (axes) has its permissions;
        # a later one (accounts 0001) completes the group.
        editor.permissions.add(*permission_model.objects.filter(content_type__app_label=app_label, codename=codename))
    return reporter, editor
