"""Purging an nginx front cache that has no purge module (Debian's nginx-light has no ngx_cache_purge).

nginx cannot delete an entry on request, but it can replace one: deploy/nginx-local.conf.in runs a
loopback-only server that answers a GET by fetching the page again with `proxy_cache_bypass` into the
same cache zone under the same key. Its key is path + the reader's language, so one purge is sent per
language, each with the language cookie nginx keys on. nginx adds X-Pagecache-Refresh to that fetch so the page cache
behind nginx renders the page afresh instead of answering from a worker's copy that may still be up to
PAGECACHE_LOCAL_SECONDS old (nginx would then keep that old copy for s-maxage).
"""

from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import HTTPRedirectHandler, ProxyHandler, Request, build_opener

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import logger


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (/rss -> /rss/) is the refreshed answer itself; nothing to follow


# Loopback only: no proxy from the environment, no redirects followed.
_opener = build_opener(ProxyHandler({}), _NoRedirect)


class NginxRefreshBackend(HTTPBackend):
    def purge(self, url):
        for language, _name in settings.LANGUAGES:
            self._purge_one(url, language)

    def _purge_one(self, url, language):
        parts = urlsplit(url)
        # GET, not PURGE: nginx stores only what GET/HEAD requests fetched.
        request = Request(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Cookie": f"{settings.LANGUAGE_COOKIE_NAME}={language}"},
        )
        try:
            with _opener.open(request, timeout=10) as reply:
                reply.read()
        except (URLError, OSError) as error:  # HTTPError is a URLError: a 404 refresh is fine too
            if getattr(error, "code", None) not in (301, 302, 308, 404, 410):  # /rss redirects, say
                logger.error("Couldn't refresh '%s' (%s) in nginx: %s", url, language, error)
