"""The site's URLs plus bench-only endpoints: the posting ceiling, and stock Wagtail's search view.

``POST /bench/ceiling/threads/<key>/comments`` goes through everything a real post goes through before
the comments code runs (the site's middleware, the session, the CSRF check, the comments API's signed-in
reader check, django-ninja parsing the same JSON body into the same schema) and answers 201 without
writing. It tells how fast this stack could answer a signed-in POST if saving a comment cost nothing.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.urls import path
from ninja import NinjaAPI
from ninja.responses import Status
from wagtail.models import Page

from broadsheet.comments.api import reader
from broadsheet.comments.schemas import CommentIn, OkOut
from broadsheet.urls import urlpatterns as site_urlpatterns

ceiling = NinjaAPI(urls_namespace="bench-ceiling", docs_url=None, openapi_url=None)


@ceiling.post("/threads/{key}/comments", auth=reader, response={201: OkOut})
def post_nothing(request, payload: CommentIn, key: str):
    return Status(201, {"ok": True})


def stock_search(request):
    """The discovery bench's peer: the search view `wagtail start` writes (search/views.py), on the same data."""
    query = request.GET.get("query")
    results = Page.objects.live().search(query) if query else Page.objects.none()
    try:
        results = Paginator(results, 10).page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        results = Paginator(results, 10).page(1)
    return render(
        request, "bench_stock_search.html", {"search_query": query, "search_results": results}
    )


urlpatterns = [
    path("bench/ceiling/", ceiling.urls),
    path("bench/stock-search/", stock_search),
    *site_urlpatterns,
]
