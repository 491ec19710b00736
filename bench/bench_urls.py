"""The site's URLs plus one bench-only endpoint: the posting ceiling.

``POST /bench/ceiling/threads/<key>/comments`` goes through everything a real post goes through before
the comments code runs (the site's middleware, the session, the CSRF check, the comments API's signed-in
reader check, django-ninja parsing the same JSON body into the same schema) and answers 201 without
writing. It tells how fast this stack could answer a signed-in POST if saving a comment cost nothing.
"""

from django.urls import path
from ninja import NinjaAPI
from ninja.responses import Status

from broadsheet.comments.api import reader
from broadsheet.comments.schemas import CommentIn, OkOut
from broadsheet.urls import urlpatterns as site_urlpatterns

ceiling = NinjaAPI(urls_namespace="bench-ceiling", docs_url=None, openapi_url=None)


@ceiling.post("/threads/{key}/comments", auth=reader, response={201: OkOut})
def post_nothing(request, payload: CommentIn, key: str):
    return Status(201, {"ok": True})


urlpatterns = [path("bench/ceiling/", ceiling.urls), *site_urlpatterns]
