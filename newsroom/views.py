"""Site-wide reader views: the front page."""

from django.shortcuts import render
from django.utils import timezone

from articles.models import Article
from events.models import Event

FRONT_PAGE_ARTICLES = 13


def front_page(request):
    articles = list(Article.objects.published().for_lists().newest_first()[:FRONT_PAGE_ARTICLES])
    recent_events = Event.objects.filter(starts_at__lte=timezone.now()).order_by("-starts_at")[:5]
    return render(
        request,
        "front_page.html",
        {"lead": articles[0] if articles else None, "articles": articles[1:], "recent_events": recent_events},
    )
