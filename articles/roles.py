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
    ("taggit", "add_tag"),
    ("taggit", "view_tag"),
]

EDITOR_APPS = ["articles", "reporters", "organisations", "events", "taggit"]
