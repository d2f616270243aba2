"""Template tags for what machines read: JSON-LD, share images, canonical addresses, share links."""

from urllib.parse import quote

from django import template
from django.utils.html import format_html

from publication import structured_data
from publication.images import share_image as article_share_image
from publication.models import SiteSettings

register = template.Library()

BUILDERS = {
    "article": structured_data.news_article,
    "reporter": structured_data.reporter_person,
    "organisation": lambda request, obj, site: structured_data.organisation(request, obj),
    "event": lambda request, obj, site: structured_data.event(request, obj),
}


@register.simple_tag(takes_context=True)
def json_ld(context, kind, obj):
    """<script type="application/ld+json"> for an article, reporter, organisation or event."""
    request = context["request"]
    return json_ld_script(request, BUILDERS[kind](request, obj, SiteSettings.current()))


def json_ld_script(request, data):
    """The <script> element holding the data, with the request's CSP nonce."""
    nonce = getattr(request, "csp_nonce", "")
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', nonce) if nonce else "",
        structured_data.json_ld(data),
    )


@register.simple_tag(takes_context=True)
def share_image(context, article):
    """The article's share picture (absolute url, width, height, alt), or None: `{% share_image article as image %}`."""
    return article_share_image(context["request"], article)


@register.simple_tag(takes_context=True)
def canonical_url(context, obj):
    """The object's absolute address in the site's own language."""
    return structured_data.absolute(context["request"], obj)


@register.simple_tag
def share_url(service, url, title=""):
    """A plain share address that works without the service's script."""
    return share_urls(url, title)[service]


def share_urls(url, title=""):
    """{service: its share address}, the address and title quoted once for all of them."""
    url_q, title_q = quote(url, safe=""), quote(str(title), safe="")
    return {
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={url_q}",
        "x": f"https://twitter.com/intent/tweet?url={url_q}&text={title_q}",
        "email": f"mailto:?subject={title_q}&body={url_q}",
    }
