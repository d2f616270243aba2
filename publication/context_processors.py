"""Every page's masthead and footer: the paper's name and legal details, cached (no query per page)."""

from publication.models import Page, SiteSettings


def publication(request):
    """`site` (the SiteSettings record) and `footer_pages`; newsroom's processor gives SITE_NAME through identity."""
    site = SiteSettings.current()
    return {"site": site, "footer_pages": Page.footer_links}
