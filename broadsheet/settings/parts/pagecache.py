"""Settings for the page cache: plain values (base.py imports them; this module imports nothing of
settings). Every PAGECACHE_* name and its default: broadsheet/pagecache/README.md.

The page cache (broadsheet/pagecache) answers anonymous page requests at the ASGI door; base.py lists
its app and its middleware (first in each list). From the environment:

  PAGECACHE_ENABLED=0              turn it off (the bench's "cache miss" run does)
  PAGECACHE_SECONDS                how long a stored page lives at most (default 300)
  PAGECACHE_LOCAL_SECONDS          with Redis: how long a worker trusts its own copy (default 1, at most 1)
  PAGECACHE_LOCAL_MAX_BYTES        with Redis: bytes of each worker's copies (default 16 MB; tests/faults sets less)
  WORKER_WARM_UP=0                 don't preload the dictionary in each ASGI worker (see pagecache/worker.py)
  FRONTEND_CACHE_VARNISH_URL       purge a Varnish front cache too (HTTP PURGE of page URLs)
  FRONTEND_CACHE_NGINX_URL         refresh nginx's proxy_cache through the loopback purge server of
                                   deploy/nginx-local.conf.in (pagecache/frontcache.py; `make prod` sets it)
  FRONTEND_CACHE_CLOUDFLARE_ZONEID + FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN   purge Cloudflare
  FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID   purge CloudFront (needs boto3 and AWS credentials)
"""

import os

__all__ = [
    "PAGECACHE_ENABLED",
    "PAGECACHE_SECONDS",
    "PAGECACHE_LOCAL_SECONDS",
    "PAGECACHE_LOCAL_MAX_BYTES",
    "PAGECACHE_EXCLUDED_PREFIXES",
    "PAGECACHE_PUBLIC_API_PREFIXES",
    "PAGECACHE_ANONYMOUS_ONLY_PREFIXES",
    "PAGECACHE_TAGGED_PATHS",
    "PAGECACHE_LISTING_TAGS",
    "PAGECACHE_PURGE_RULES",
    "WAGTAILFRONTENDCACHE",
    "PAGECACHE_WORKER_WARM_UP",
]

PAGECACHE_ENABLED = os.environ.get("PAGECACHE_ENABLED", "1") != "0"
PAGECACHE_SECONDS = int(os.environ.get("PAGECACHE_SECONDS", "300"))
PAGECACHE_LOCAL_SECONDS = float(os.environ.get("PAGECACHE_LOCAL_SECONDS", "1"))
PAGECACHE_LOCAL_MAX_BYTES = int(os.environ.get("PAGECACHE_LOCAL_MAX_BYTES", 16 * 1024 * 1024))

# Never looked up: per-user or never a Wagtail page.
PAGECACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/comments/",
    "/accounts/",
    "/dictionary/",
    "/static/",
    "/media/",
    "/i18n/",
    "/documents/",
)
# API replies the cache may share when their view says Cache-Control: public, with their tags: the
# dictionary's entries (the same for every reader) and a thread's comments as an anonymous reader sees
# them (the view adds the thread's own tag, comments-<key>).
PAGECACHE_PUBLIC_API_PREFIXES = {
    "/api/dictionary/": ("api", "api-dictionary"),
    "/api/comments/threads/": ("api", "api-comments"),
}
# A signed-in reader's view of a thread shows their own held comments and votes: always from Django.
PAGECACHE_ANONYMOUS_ONLY_PREFIXES = ("/api/comments/",)
# URLs besides Wagtail pages the cache keeps, with the tags that retire them (broadsheet/purges.py).
PAGECACHE_TAGGED_PATHS = {
    "/feeds/": ("feeds",),
    "/sitemap.xml": ("sitemap",),
    "/rss": ("feeds",),
    "/corrections/": ("corrections",),
}
# Retired by any change to the tree an article does not narrow down itself: the anonymous comment lists
# carry the article's title and whether it takes comments.
PAGECACHE_LISTING_TAGS = ("feeds", "sitemap", "api-comments")
# What else retires what: the site's rules, in one module.
PAGECACHE_PURGE_RULES = ["broadsheet.purges.connect"]


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
PAGECACHE_WORKER_WARM_UP = (
    [
        "broadsheet.dictionary.wordnet.get_wordnet",  # WordNet's reader and indexes
        [
            "broadsheet.dictionary.senses.read_entry",
            "house",
        ],  # its lemmatiser and sense data (not the table's row)
        [
            "broadsheet.dictionary.levels.read_level",
            "house",
        ],  # wordfreq's and cefrpy's tables (ditto)
    ]
    if os.environ.get("WORKER_WARM_UP", "1") != "0"
    else []
)
