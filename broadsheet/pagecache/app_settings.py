"""PAGECACHE_* settings with their defaults, read at call time so tests can override them."""

import re
from functools import lru_cache

from django.conf import settings

# Paths that are never Wagtail pages, or are per-user: the cache never looks them up.
EXCLUDED_PREFIXES = (
    "/admin/", "/django-admin/", "/api/", "/comments/", "/accounts/", "/dictionary/",
    "/static/", "/media/", "/i18n/", "/documents/",
)


def _get(name, default):
    return getattr(settings, f"PAGECACHE_{name}", default)


def enabled():
    return _get("ENABLED", True)


def seconds():
    """How long a stored page lives at most; a purge retires it sooner."""
    return _get("SECONDS", getattr(settings, "PAGE_CACHE_SECONDS", 300))


def local_seconds():
    """How long a worker trusts the tag versions it read from Redis, and so its own copies of entries,
    without asking again (≤ 1 s): a purge in another worker is seen within this long."""
    return _get("LOCAL_SECONDS", 1.0)


def excluded_prefixes():
    return tuple(_get("EXCLUDED_PREFIXES", EXCLUDED_PREFIXES))


def public_api_prefixes():
    """API paths the cache may answer too, but only replies whose view itself said Cache-Control: public
    (the dictionary's entries: the same for every reader, already cacheable by any browser or CDN; a
    thread's comments as an anonymous reader sees them, tagged by the view with Surrogate-Key)."""
    return tuple(_get("PUBLIC_API_PREFIXES", ("/api/dictionary/", "/api/comments/threads/")))


def anonymous_only_prefixes():
    """Paths whose stored replies only readers without a session get: a signed-in reader's view of a
    comment thread shows their own held comments and votes, so it always comes from Django."""
    return tuple(_get("ANONYMOUS_ONLY_PREFIXES", ("/api/comments/",)))


# The values a cacheable query parameter may take, in the one form the site writes them: a page number
# without leading zeros (at most 4 digits), a comment list's order.
QUERY_VALUES = {"page": r"[1-9][0-9]{0,3}", "sort": r"newest|oldest|liked"}


def query_allowlist():
    """Query parameters that still make a page cacheable, each with the pattern of its canonical values
    (PAGECACHE_QUERY_ALLOWLIST: {name: regex}); any other parameter or value bypasses."""
    return _compiled(tuple(sorted(_get("QUERY_ALLOWLIST", QUERY_VALUES).items())))


@lru_cache(maxsize=8)
def _compiled(items):
    return {name: re.compile(pattern) for name, pattern in items}


def tagged_paths():
    """Non-page URLs worth caching, by path prefix, with their tags (feeds and sitemaps)."""
    return _get("TAGGED_PATHS", {"/feeds/": ("feeds",), "/sitemap.xml": ("sitemap",), "/rss": ("feeds",)})


def redis_url():
    return _get("REDIS_URL", getattr(settings, "REDIS_URL", ""))


def key_prefix():
    prefix = settings.CACHES.get("default", {}).get("KEY_PREFIX", "bs")
    return _get("KEY_PREFIX", f"{prefix}:pc")


def versions_file():
    """The small shared file of tag version counters used without Redis (one per data folder)."""
    return _get("VERSIONS_FILE", str(settings.DATA_DIR / "pagecache-versions.bin"))


def max_entries():
    """Entries a worker keeps when it is the only store (the embedded default, no Redis)."""
    return _get("MAX_ENTRIES", 2000)


def local_max_entries():
    """With Redis: entries a worker keeps a copy of (each as long as Redis keeps it, checked as above)."""
    return _get("LOCAL_MAX_ENTRIES", 20000)


def local_max_bytes():
    """With Redis: the bytes those copies may hold (bodies, their own headers, a fixed overhead each)."""
    return _get("LOCAL_MAX_BYTES", 16 * 1024 * 1024)


def max_body():
    return _get("MAX_BODY", 2 * 1024 * 1024)


def cache_control():
    return _get(
        "CACHE_CONTROL", "public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400"
    )
