from django.shortcuts import get_object_or_404, render

from events.models import Event
from events.page import load_relations
from newsroom.pagecache import reader_page
from newsroom.pagination import paginate

EVENT_PAGE_ARTICLES = 20


@reader_page
def event_list(request):
    page = paginate(request, Event.objects.prefetch_related("organisers").order_by("-starts_at"))
    return render(request, "events/event_list.html", {"page": page})


@reader_page
def event_detail(request, slug):
    event = load_relations(get_object_or_404(Event, slug=slug))
    # event.articles is articles' manager, so its methods apply without importing articles.
    articles = event.articles.newest_of_event(event, EVENT_PAGE_ARTICLES)
    return render(request, "events/event_detail.html", {"event": event, "articles": articles})
