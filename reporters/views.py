from django.shortcuts import get_object_or_404, render

from newsroom.pagecache import reader_page
from newsroom.pagination import keyset_page
from reporters.models import Reporter


@reader_page
def reporter_list(request):
    reporters = Reporter.objects.active().order_by("name")
    return render(request, "reporters/reporter_list.html", {"reporters": reporters})


@reader_page
def reporter_detail(request, slug):
    reporter = get_object_or_404(Reporter, slug=slug)
    # reporter.articles is articles' manager: published() keeps drafts out without importing articles.
    page = keyset_page(request, reporter.articles.published().for_lists().newest_first())
    return render(request, "reporters/reporter_detail.html", {"reporter": reporter, "page": page})
