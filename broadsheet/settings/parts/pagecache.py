"""Settings for pagecache (owned by that area; base.py imports it last).

The page cache (broadsheet/pagecache) answers anonymous page requests at the ASGI door. It registers
its app and its Django middleware here, so base.py keeps one line per area.

  PAGECACHE_ENABLED=0              turn it off (the bench's "cache miss" run does)
  PAGECACHE_SECONDS                how long a stored page lives at most (default PAGE_CACHE_SECONDS)
  PAGECACHE_LOCAL_SECONDS          with Redis: how long a worker trusts its own copy (default 1)
  PAGECACHE_LOCAL_MAX_BYTES        with Redis: bytes of each worker's copies (default 16 MB; tests/faults sets less)
  WORKER_WARM_UP=0                 don't preload the dictionary in each ASGI worker (see pagecache/worker.py)
  FRONTEND_CACHE_VARNISH_URL       purge a Varnish front cache too (HTTP PURGE of page URLs)
  FRONTEND_CACHE_NGINX_URL         refresh nginx's proxy_cache through the loopback purge server of
                                   deploy/nginx-local.conf.in (pagecache/frontcache.py; `make prod` sets it)
  FRONTEND_CACHE_CLOUDFLARE_ZONEID + FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN   purge Cloudflare
  FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID   purge CloudFront (needs boto3 and AWS credentials)
"""

import os

from ..base import INSTALLED_APPS, MIDDLEWARE, PAGE_CACHE_SECONDS

__all__ = ["PAGECACHE_ENABLED", "PAGECACHE_SECONDS", "PAGECACHE_LOCAL_SECONDS", "WAGTAILFRONTENDCACHE",
           "BROADSHEET_WORKER_WARM_UP", "PAGECACHE_LOCAL_MAX_BYTES"]

if "broadsheet.pagecache" not in INSTALLED_APPS:
    INSTALLED_APPS.insert(0, "broadsheet.pagecache")
# First in the list, so it sees the final reply (cookies set by the session and CSRF middleware).
if "broadsheet.pagecache.middleware.PageCacheMarkMiddleware" not in MIDDLEWARE:
    MIDDLEWARE.insert(0, "broadsheet.pagecache.middleware.PageCacheMarkMiddleware")

PAGECACHE_ENABLED = os.environ.get("PAGECACHE_ENABLED", "1") != "0"
PAGECACHE_SECONDS = int(os.environ.get("PAGECACHE_SECONDS", PAGE_CACHE_SECONDS))
PAGECACHE_LOCAL_SECONDS = min(float(os.environ.get("PAGECACHE_LOCAL_SECONDS", "1")), 1.0)
PAGECACHE_LOCAL_MAX_BYTES = int(os.environ.get("PAGECACHE_LOCAL_MAX_BYTES", 16 * 1024 * 1024))


def _front_caches(env):
    caches = {}
    if env.get("FRONTEND_CACHE_VARNISH_URL"):
        caches["varnish"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env["FRONTEND_CACHE_VARNISH_URL"],
        }
    if env.get("FRONTEND_CACHE_NGINX_URL"):
        caches["nginx"] = {
            "BACKEND": "broadsheet.pagecache.frontcache.NginxRefreshBackend",
            "LOCATION": env["FRONTEND_CACHE_NGINX_URL"],
        }
    if env.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
        caches["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": env["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
            "BEARER_TOKEN": env.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
        }
    if env.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        caches["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return caches


WAGTAILFRONTENDCACHE = _front_caches(os.environ)


# Loaded by each ASGI worker at start (broadsheet/asgi.py), then the heap is frozen out of the GC's way.
# Each step: a dotted path, or [dotted path, *arguments]; none may touch the database.
BROADSHEET_WORKER_WARM_UP = [
    "broadsheet.dictionary.wordnet.get_wordnet",          # WordNet's reader and indexes
    ["broadsheet.dictionary.senses.read_entry", "house"],  # its lemmatiser and sense data (not the table's row)
    ["broadsheet.dictionary.levels.read_level", "house"],  # wordfreq's and cefrpy's tables (ditto)
] if os.environ.get("WORKER_WARM_UP", "1") != "0" else []
