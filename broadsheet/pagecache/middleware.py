"""Django's side of the page cache: marks replies that every reader may share, with their tags.

Only a Wagtail page served to an anonymous reader (or a view that names its tags in Surrogate-Key, or a
feed/sitemap URL), status 200, no cookie other
than the CSRF one, no query parameter outside the allow-list, not a preview and not already marked
private by the view, is marked. Marked replies get Cache-Control for browsers and front caches,
Surrogate-Key/Cache-Tag for tag purges there, and an internal header for the ASGI cache (asgi.py).
"""

from django.conf import settings

from .app_settings import app_settings
from .asgi import SCOPE_FLAG
from .entry import INTERNAL_KEEP_MISSING_HEADER, INTERNAL_TAGS_HEADER
from .keys import normalised_query
from .tags import page_tags


class PageCacheMarkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(tuple(app_settings.PUBLIC_API_PREFIXES)):
            tags = public_api_tags(request, response)
            if tags:
                mark(request, response, tags, cache_control=False)
            return response
        tags = shareable_tags(request, response)
        if tags:
            mark(request, response, tags)
        return response


def public_api_tags(request, response):
    """An API reply is shared only when its view said so itself (public), for a 200 or a 404."""
    said_public = "public" in response.get("Cache-Control", "").lower()
    if (
        not said_public
        or response.status_code not in (200, 404)
        or request.method not in ("GET", "HEAD")
    ):
        return []
    if response.streaming or response.cookies or _private(response) or not _anonymous(request):
        return []
    own = response.get("Surrogate-Key", "").split()  # the view's own tags (a thread's, say)
    return [*_tags_of_prefix(app_settings.PUBLIC_API_PREFIXES, request.path), *own]


def _tags_of_prefix(tags_by_prefix, path):
    for prefix, tags in tags_by_prefix.items():
        if path.startswith(prefix):
            return list(tags)
    return []


def shareable_tags(request, response):
    if not _shareable(request, response):
        return []
    page = getattr(request, "pagecache_page", None)
    if page is not None:
        return page_tags(page)
    own = response.get(
        "Surrogate-Key", ""
    ).split()  # a view that names its own tags (a listing, a feed)
    if own:
        return [*own, "pages"]
    tags = _tags_of_prefix(app_settings.TAGGED_PATHS, request.path)
    return [*tags, "pages"] if tags else []


def _shareable(request, response):
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and not getattr(request, "is_preview", False)
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
        and not _private(response)
        and normalised_query(request.META.get("QUERY_STRING", "").encode("latin-1", "replace"))
        is not None
        and _anonymous(request)
    )


def _private(response):
    control = response.get("Cache-Control", "").lower()
    return any(word in control for word in ("private", "no-store", "no-cache"))


def _anonymous(request):
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def mark(request, response, tags, *, cache_control=True):
    if cache_control:
        response["Cache-Control"] = app_settings.CACHE_CONTROL
    response["Surrogate-Key"] = " ".join(tags)
    response["Cache-Tag"] = ",".join(tags)
    if getattr(request, "scope", {}).get(SCOPE_FLAG):
        response[INTERNAL_TAGS_HEADER.decode()] = " ".join(tags)
        if response.status_code == 404 and getattr(response, "pagecache_keep_missing", False):
            response[INTERNAL_KEEP_MISSING_HEADER.decode()] = "1"
