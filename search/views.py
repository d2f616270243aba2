"""The reader search page."""

from django.shortcuts import render

from newsroom.pagecache import reader_page
from newsroom.pagination import page_number, paginate
from search import queries, tokenizer
from search.forms import MAX_QUERY_LENGTH, SearchForm

SEARCH_PARAMETERS = {"q", "section", "reporter", "date_from", "date_to", "page"}


@reader_page
def search(request):
    form = SearchForm(request.GET or None)
    query = page = None
    every_term = True
    if form.is_bound:
        form.is_valid()  # a bad filter is dropped and its error shown; the words are still searched
        query = tokenizer.parse_query(form.cleaned_data.get("q", ""))
    if query:
        results, every_term = queries.search(query, page_number(request), **form.filters())
        page = paginate(request, results)
        queries.with_snippets(page.object_list, query)
    context = {
        "form": form,
        "query": query,
        "page": page,
        "every_term": every_term,
        "max_query_length": MAX_QUERY_LENGTH,
        "search_window": queries.SEARCH_WINDOW,
    }
    response = render(request, "search/search.html", context)
    odd = form.errors or form.truncated or (query and query.truncated) or "%00" in request.META["QUERY_STRING"]
    if odd or set(request.GET) - SEARCH_PARAMETERS:
        # Odd addresses are answered but not kept: strangers cannot fill the page cache with junk variants.
        response["Cache-Control"] = "no-store"
    return response
