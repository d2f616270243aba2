"""Template context every page gets from the project: the site's name."""

from newsroom import identity


def site(request):
    return {"SITE_NAME": identity.site_name_lazy()}
