"""Retiring stored pages by tag: our own cache at once after commit, and a front cache when configured.

`purge_tags()` is the cache's public API: a site's own purge rules call it (Broadsheet's: broadsheet/purges.py).
"""

import logging

from django.conf import settings
from django.db import transaction

from .app_settings import app_settings
from .store import get_store

log = logging.getLogger(__name__)


def purge_tags(tags, *, pages=(), urls=(), generation=True):
    """Bump the tags after the surrounding transaction commits, so no render can see the old rows
    and store them under the new versions. `pages`/`urls` also go to the front cache (Varnish...).

    generation=False skips the store-wide generation bump that keeps a page rendered during the purge
    from being stored: for short-lived entries purged often (comment lists, s-maxage 10 s), so a busy
    comment thread never stops article pages from being cached. Such a racing render may then be
    kept until its own lifetime ends.
    """
    tags = sorted(set(tags))
    pages = list(pages)
    transaction.on_commit(lambda: _purge_now(tags, pages, list(urls), generation), robust=True)


def _purge_now(tags, pages, urls, generation=True):
    get_store().purge(tags, generation=generation)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        _purge_front_cache(tags, pages, urls)


def _purge_front_cache(tags, pages, urls):
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache, purge_urls_from_cache

    try:
        if pages:
            purge_pages_from_cache(pages)
        listing_urls = [p for p, t in app_settings.TAGGED_PATHS.items() if set(t) & set(tags)]
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        paths = [*urls, *listing_urls]  # site-relative paths are on the site's public address
        if paths:
            purge_urls_from_cache([p if "://" in p else base + p for p in paths])
    except (
        Exception
    ):  # the front cache being down must not fail a publish; its TTL bounds staleness
        log.exception("front cache purge failed")
