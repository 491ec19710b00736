"""PAGECACHE_* settings with their defaults, read at call time so tests can override them.

The page cache knows no site: which paths a site keeps out of it, which API replies it may share and
which rules purge what are the site's settings (Broadsheet's: settings/parts/pagecache.py).
"""

import re
from functools import lru_cache

from django.conf import settings


class AppSettings:
    def __init__(self, prefix):
        self.prefix = prefix

    def _setting(self, name, default):
        return getattr(settings, self.prefix + name, default)

    @property
    def ENABLED(self):
        """False turns the cache off: every request goes to Django. Default: True."""
        return self._setting("ENABLED", True)

    @property
    def SECONDS(self):
        """How long a stored page lives at most; a purge retires it sooner. Default: 300."""
        return self._setting("SECONDS", 300)

    @property
    def LOCAL_SECONDS(self):
        """With Redis: how long a worker trusts the tag versions it read, and so its own copies of
        entries, without asking again (at most 1 s): a purge in another worker is seen within this long.
        Default: 1.0."""
        return min(float(self._setting("LOCAL_SECONDS", 1.0)), 1.0)

    @property
    def EXCLUDED_PREFIXES(self):
        """Paths the cache never looks up (per-user or never pages). Default: the admin, /api/,
        /accounts/, static and media files, /i18n/, /documents/."""
        default = (
            "/admin/",
            "/django-admin/",
            "/api/",
            "/accounts/",
            "/static/",
            "/media/",
            "/i18n/",
            "/documents/",
        )
        return tuple(self._setting("EXCLUDED_PREFIXES", default))

    @property
    def PUBLIC_API_PREFIXES(self):
        """{path prefix: tags} of API replies the cache may share, though under an excluded prefix: only
        replies whose view itself said Cache-Control: public, stored with these tags plus the view's own
        Surrogate-Key. Default: {} (no API reply is shared)."""
        return self._setting("PUBLIC_API_PREFIXES", {})

    @property
    def ANONYMOUS_ONLY_PREFIXES(self):
        """Paths whose stored replies only readers without a session get (a signed-in reader's view may
        show their own data). Default: ()."""
        return tuple(self._setting("ANONYMOUS_ONLY_PREFIXES", ()))

    @property
    def QUERY_ALLOWLIST(self):
        """{parameter: regex} of query parameters that still make a page cacheable, each with the
        pattern of its canonical values; any other parameter or value bypasses the cache. Returned
        compiled. Default: `page` (1–9999, no leading zero) and `sort` (newest, oldest, liked)."""
        default = {"page": r"[1-9][0-9]{0,3}", "sort": r"newest|oldest|liked"}
        return _compiled(tuple(sorted(self._setting("QUERY_ALLOWLIST", default).items())))

    @property
    def TAGGED_PATHS(self):
        """{path prefix: tags} of non-page URLs worth caching (feeds, sitemaps), with the tags that
        retire them; a front cache is sent the prefix when one of its tags is purged.
        Default: /feeds/ and /rss (feeds), /sitemap.xml (sitemap)."""
        default = {"/feeds/": ("feeds",), "/sitemap.xml": ("sitemap",), "/rss": ("feeds",)}
        return self._setting("TAGGED_PATHS", default)

    @property
    def LISTING_TAGS(self):
        """Tags every change to the page tree retires, unless a published page names its own listings
        (`pagecache_purge_tags`). Default: ("feeds", "sitemap")."""
        return tuple(self._setting("LISTING_TAGS", ("feeds", "sitemap")))

    @property
    def PURGE_RULES(self):
        """Dotted paths of functions called once at start (the app's ready()) to connect a site's own
        purge rules to its signals. Default: []."""
        return list(self._setting("PURGE_RULES", []))

    @property
    def WORKER_WARM_UP(self):
        """Steps each ASGI worker runs before it serves anyone, then freezes the heap (worker.py): a
        dotted path, or [dotted path, *arguments]; none may touch the database. Default: []."""
        return list(self._setting("WORKER_WARM_UP", []))

    @property
    def REDIS_URL(self):
        """Redis shared by every worker; empty: each worker's memory. Default: the REDIS_URL setting."""
        return self._setting("REDIS_URL", getattr(settings, "REDIS_URL", ""))

    @property
    def KEY_PREFIX(self):
        """Prefix of the cache's Redis keys. Default: the default cache's KEY_PREFIX + ":pc"."""
        prefix = settings.CACHES.get("default", {}).get("KEY_PREFIX", "bs")
        return self._setting("KEY_PREFIX", f"{prefix}:pc")

    @property
    def VERSIONS_FILE(self):
        """Without Redis: the small file of tag version counters every worker on the machine shares.
        Default: DATA_DIR/pagecache-versions.bin."""
        return self._setting("VERSIONS_FILE", str(settings.DATA_DIR / "pagecache-versions.bin"))

    @property
    def MAX_ENTRIES(self):
        """Without Redis: entries a worker keeps. Default: 2000."""
        return self._setting("MAX_ENTRIES", 2000)

    @property
    def LOCAL_MAX_ENTRIES(self):
        """With Redis: entries a worker keeps a copy of (each checked as LOCAL_SECONDS says).
        Default: 20000."""
        return self._setting("LOCAL_MAX_ENTRIES", 20000)

    @property
    def LOCAL_MAX_BYTES(self):
        """With Redis: bytes those copies may hold (bodies, own headers, a fixed overhead each).
        Default: 16 MB."""
        return self._setting("LOCAL_MAX_BYTES", 16 * 1024 * 1024)

    @property
    def MAX_BODY(self):
        """Bytes of the largest body stored. Default: 2 MB."""
        return self._setting("MAX_BODY", 2 * 1024 * 1024)

    @property
    def CACHE_CONTROL(self):
        """Cache-Control of a shared page, for browsers and front caches. Default: public, max-age=60,
        s-maxage=300, stale-while-revalidate=60, stale-if-error=86400."""
        default = (
            "public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400"
        )
        return self._setting("CACHE_CONTROL", default)


@lru_cache(maxsize=8)
def _compiled(items):
    return {name: re.compile(pattern) for name, pattern in items}


app_settings = AppSettings("PAGECACHE_")
