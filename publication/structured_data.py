"""schema.org JSON-LD for search engines, built as Python data and serialised once, safely.

`json_ld()` escapes `<`, `>` and `&` so no text an editor typed (a headline
with `</script>`) can end the script element early.
"""

import json

from django.conf import settings
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from newsroom.html_text import plain_text
from newsroom.reversing import unpinned
from publication.images import logo_image, share_image

DESCRIPTION_LENGTH = 160
UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
# An argument of news_article() not passed (share_image() answers None for an article with no picture).
UNKNOWN = object()


def json_ld(data):
    """The data as JSON safe to put inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(UNSAFE))  # noqa: S308


def absolute(request, obj):
    """An object's address in the site's own language (Korean), whatever the page's interface language."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        path = obj.get_absolute_url()
    else:
        with translation.override(settings.LANGUAGE_CODE), unpinned():
            path = obj.get_absolute_url()
    return origin(request) + path


def origin(request):
    """scheme://host of the request, worked out once per request (a page names a dozen objects)."""
    try:
        return request.newsroom_origin
    except AttributeError:
        request.newsroom_origin = request.build_absolute_uri("/")[:-1]
        return request.newsroom_origin


def iso(moment):
    return timezone.localtime(moment).replace(microsecond=0).isoformat() if moment else None


def compact(data):
    """Leave out empty values: search engines prefer a missing field to an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def publisher(request, site):
    logo = logo_image(request, site)
    return compact(
        {
            "@type": "NewsMediaOrganization",
            "name": str(site.name),
            "url": request.build_absolute_uri("/"),
            "email": site.email,
            "logo": compact({"@type": "ImageObject", "url": logo.url, "width": logo.width, "height": logo.height})
            if logo
            else None,
        }
    )


def description(article):
    return plain_text(article.deck or article.body, DESCRIPTION_LENGTH)


def person(request, reporter):
    return compact(
        {
            "@type": "Person",
            "name": reporter.name,
            "jobTitle": reporter.title,
            "url": absolute(request, reporter),
            "email": reporter.email,
        }
    )


def news_article(request, article, site, *, image=UNKNOWN, url=UNKNOWN, summary=UNKNOWN):
    """NewsArticle for an article page. The article page's <head> passes the share image, canonical address
    and description it printed already, so that each is worked out once a page."""
    image = share_image(request, article) if image is UNKNOWN else image
    url = absolute(request, article) if url is UNKNOWN else url
    summary = description(article) if summary is UNKNOWN else summary
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "headline": article.headline,
            "description": summary,
            "image": [compact({"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height})]
            if image
            else None,
            "datePublished": iso(article.published_at),
            "dateModified": iso(article.revised_at if article.was_revised else article.published_at),
            "author": [person(request, byline.reporter) for byline in article.ordered_bylines()],
            "publisher": publisher(request, site),
            "articleSection": article.section.name if article.section else None,
            "keywords": [tag.name for tag in article.tags.all()],
            "inLanguage": settings.LANGUAGE_CODE,
            "isAccessibleForFree": True,
        }
    )


def reporter_person(request, reporter, site):
    """Person for a reporter's page."""
    data = person(request, reporter)
    data.update(
        compact(
            {
                "@context": "https://schema.org",
                "description": reporter.bio,
                "image": request.build_absolute_uri(reporter.photo_thumb.url) if reporter.photo else None,
                "worksFor": publisher(request, site),
            }
        )
    )
    return data


def organisation(request, org):
    """Organization for an organisation's page."""
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": org.name,
            "alternateName": [name for name in [org.name_en, org.acronym, org.name_native] if name],
            "url": absolute(request, org),
            "sameAs": [org.website] if org.website else None,
            "description": org.description,
            "logo": request.build_absolute_uri(org.logo_thumb.url) if org.logo else None,
            "foundingDate": org.founded.isoformat() if org.founded else None,
            "address": compact(
                {
                    "@type": "PostalAddress",
                    "addressLocality": org.headquarters,
                    "addressCountry": str(org.country) if org.country else None,
                }
            )
            if org.headquarters
            else None,
        }
    )


ATTENDANCE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def organisation_ref(request, org):
    return {"@type": "Organization", "name": org.name, "url": absolute(request, org)}


def event(request, event):
    """Event for an event's page, its sessions as subEvent."""
    url = absolute(request, event)
    location = (
        {"@type": "VirtualLocation", "url": url}
        if event.format == "online"
        else compact({"@type": "Place", "name": event.venue or str(event.get_format_display())})
    )
    sessions = [
        compact(
            {
                "@type": "Event",
                "name": session.title,
                "description": session.description,
                "startDate": iso(session.starts_at or event.starts_at),
                "endDate": iso(session.ends_at),
                "location": location,
                "performer": [organisation_ref(request, org) for org in session.organisations.all()],
            }
        )
        for session in event.sessions.all()
    ]
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "url": url,
            "description": event.description,
            "startDate": iso(event.starts_at),
            "endDate": iso(event.ends_at),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE.get(event.format),
            "location": location,
            "organizer": [organisation_ref(request, org) for org in event.organisers.all()],
            "subEvent": sessions,
        }
    )
