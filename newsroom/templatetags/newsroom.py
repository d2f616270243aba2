"""Template filters for how Korean news sites print dates, plain-text descriptions and the language switch,
and the tag that renders the site-wide parts of every page once per content generation."""

from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, translate_url
from django.utils import timezone, translation
from django.utils.encoding import uri_to_iri

from newsroom import pagecache
from newsroom.html_text import plain_text
from newsroom.reversing import reverse, unpinned

register = template.Library()

# Rendered site-wide fragments are keyed by the page cache's generation; this only bounds their memory.
SITEWIDE_SECONDS = 300
# How Korean news sites print a time: 2020/08/06 [16:06].
KST_FORMAT = "%Y/%m/%d [%H:%M]"
KST_DATE_FORMAT = "%Y/%m/%d"


@register.filter
def kst(value):
    """'2020/08/06 [16:06]' in the site's zone (Asia/Seoul by default)."""
    if not value:
        return ""
    return timezone.localtime(value).strftime(KST_FORMAT)


@register.filter
def kst_date(value):
    """'2020/08/06' in the site's zone."""
    if not value:
        return ""
    return timezone.localtime(value).strftime(KST_DATE_FORMAT)


@register.filter
def kst_time(value):
    """'16:06' in the site's zone."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%H:%M")


@register.filter
def kst_short(value):
    """'08/06 [16:06]' this year, '2019/08/06' before: for narrow admin columns."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if local.year == timezone.localtime().year:
        return local.strftime("%m/%d [%H:%M]")
    return local.strftime("%Y/%m/%d")


@register.filter
def plain(value, length=None):
    """Plain text of stored HTML, escaped once when printed: `R&amp;D` shows as `R&D`."""
    return plain_text(value, int(length) if length else None)


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """This page's address in another interface language (Korean has no prefix, English /en/)."""
    request = context.get("request")
    if request is None:
        return "/"
    url = translated_url(request, language)
    if translation.get_language_from_path(url) is None and language != settings.LANGUAGE_CODE:
        return f"/{language}/"  # a page with no translation (a 404): the other language's front page
    return url


def translated_url(request, language):
    """translate_url(request.get_full_path(), language), reversed from the match Django already made for
    this request instead of resolving its path a second time (a dozen patterns deep on every page)."""
    full = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name is None or match.args or get_script_prefix() != "/":
        return translate_url(full, language)
    view = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(language), unpinned():
        try:
            path = reverse(view, match.kwargs)
        except NoReverseMatch:
            return full
    parts = urlsplit(full)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


@register.filter
def w3c(value):
    """'2020-08-06T16:06:00+09:00': ISO 8601 to the second in the site's zone, for sitemaps and meta tags."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def readable_url(value):
    """A percent-encoded address as people read it: /news/1/스마트시티/ rather than /news/1/%EC%8A%A4…/."""
    return uri_to_iri(str(value or ""))


class SitewideNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        # id(self): a template edited under runserver is parsed again into a new node, so it shows at once.
        return sitewide_fragment(context, f"{self.name}:{id(self)}", lambda: self.nodelist.render(context))


def sitewide_fragment(context, name, compute):
    """What {% sitewide %} keeps, for markup built in Python: compute(), once per page-cache generation,
    language and script prefix, in the shared cache and in each process (pagecache.remember(local=True)).
    `context` is the page's template context: at most one generation read per page, none within a
    second of the process's last (pagecache.held_generation()), so a rendered page with Redis makes
    no round trip for the markup every page shows."""
    if "sitewide:generation" not in context.render_context:
        context.render_context["sitewide:generation"] = pagecache.held_generation()
    current = context.render_context["sitewide:generation"]
    key = f"sitewide:{name}:{translation.get_language()}:{get_script_prefix()}"
    return pagecache.remember(key, compute, SITEWIDE_SECONDS, current=current, local=True)


@register.tag
def sitewide(parser, token):
    """{% sitewide "masthead" %}…{% endsitewide %}: markup that is the same on every reader page.

    Rendered once per page-cache generation, language and script prefix, so any change a reader
    can see (a renamed section, new site settings) shows at once. What it holds must not depend on
    the page or the request (this page's address, the article): that stays outside the tag.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("endsitewide",))
    parser.delete_first_token()
    return SitewideNode(bits[1][1:-1], nodelist)
