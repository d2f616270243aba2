"""Every page's masthead and footer: the paper's name and legal details, cached (no query per page)."""

from publication.models import Page, SiteSettings


def publication(request):
    site = SiteSettings.current()
    return {"site": site, "SITE_NAME": site.name, "footer_pages": Page.footer_links}
