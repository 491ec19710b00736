"""The Wagtail site of a request, remembered per host and newsroom generation (freshness.py); Wagtail's
redirects, for pages only.

Wagtail looks the site up with a query on every request, then reads its homepage with another (and its
specific type); a Site saved or any page published starts a new generation, so these stay in step.
"""

from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.models import Site

from .freshness import generation, remembered


def _site_with_homepage(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - loaded now, kept with the site
    return site


# Paths Wagtail's page tree never serves: no site lookup for them.
NOT_PAGES = ("/api/", "/comments/", "/accounts/", "/dictionary/", "/static/", "/media/", "/i18n/")


def _remember_site(request):
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request._get_raw_host(), request.get_port(), generation())
        request._wagtail_site = remembered(key, lambda: _site_with_homepage(request))


class RememberedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(NOT_PAGES):
            _remember_site(request)
        return self.get_response(request)


# The site's JSON API (broadsheet/api.py): a 404 there is an answer (a word the dictionary lacks, a thread
# not found), never a page that moved.
API = "/api/"


class PageRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects (an editor's, or an old site's addresses from the importer) for a 404, except
    the API's: each of those paid a site and a redirect query for a redirect no one can make useful."""

    def process_response(self, request, response):
        if request.path.startswith(API):
            return response
        return super().process_response(request, response)
