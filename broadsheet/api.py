"""One JSON API under /api/, described at /api/openapi.json. Each app brings its own router."""

from ninja import NinjaAPI

from broadsheet import api_errors
from broadsheet.comments import api_errors as comments_errors
from broadsheet.comments.api import router as comments_router
from broadsheet.dictionary.api import router as dictionary_router
from broadsheet.newsroom.api import router as search_router

api = NinjaAPI(
    title="Broadsheet API",
    version="1.0",
    description="Comments under the Standards Board Policy, the reader dictionary and article search.",
    urls_namespace="api",
)
# One error shape for every router: {"detail": ..., "code": ...}, never an HTML error page. The site's
# module answers ninja's and Django's request errors; an app with errors of its own adds their handler.
api_errors.install(api)
comments_errors.install(api)
api.add_router("/comments", comments_router)
api.add_router("/dictionary", dictionary_router)
api.add_router("/search", search_router)
