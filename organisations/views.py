from django.shortcuts import get_object_or_404, render

from newsroom.pagecache import reader_page
from newsroom.pagination import keyset_page
from organisations.models import Organisation


@reader_page
def organisation_list(request):
    organisations = Organisation.objects.order_by("kind", "name")
    return render(request, "organisations/organisation_list.html", {"organisations": organisations})


@reader_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    events = organisation.organised_events.order_by("-starts_at")[:10]
    page = keyset_page(request, organisation.articles.published().for_lists().newest_first())
    return render(
        request,
        "organisations/organisation_detail.html",
        {"organisation": organisation, "events": events, "page": page},
    )
