"""What the newsroom's roles (articles.roles: 기자, 데스크) may do with comments."""

from articles.roles import EDITOR_GROUP, REPORTER_GROUP

# The desk moderates everything; reporters read the comments on their own articles (the admin filters them).
EDITOR_PERMISSIONS = [
    "view_comment",
    "change_comment",
    "delete_comment",
    "moderate_comment",
    "view_articlecommentoption",
    "add_articlecommentoption",
    "change_articlecommentoption",
    "delete_articlecommentoption",
    "view_bannedword",
    "add_bannedword",
    "change_bannedword",
    "delete_bannedword",
    "view_bannedaddress",
    "add_bannedaddress",
    "change_bannedaddress",
    "delete_bannedaddress",
]
REPORTER_PERMISSIONS = ["view_comment"]


def ensure_comment_roles(group_model, permission_model):
    """Give both groups their comment permissions; takes the models so a migration can pass its historical ones."""
    for group_name, codenames in [(EDITOR_GROUP, EDITOR_PERMISSIONS), (REPORTER_GROUP, REPORTER_PERMISSIONS)]:
        group, _ = group_model.objects.get_or_create(name=group_name)
        group.permissions.add(
            *permission_model.objects.filter(content_type__app_label="comments", codename__in=codenames)
        )
