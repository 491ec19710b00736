"""The page cache at the ASGI door, in front of Django.

A GET or HEAD of a public page path is looked up by path + query + the reader's language (resolved by
Django's own rules). A hit is answered from the stored status, headers and body without entering
Django. A miss goes through Django; the reply is stored only when Django's side marked it cacheable
(middleware.PageCacheMarkMiddleware adds an internal tags header, stripped here before the reader
sees it). Readers who miss a key while another request renders it wait for that render. Entries
remember their tags' versions; a purge bumps versions, so it costs O(tags).
"""

import asyncio
import hashlib
import logging
import re
import weakref

from . import keys
from .app_settings import app_settings
from .entry import (
    INTERNAL_HEADERS,
    INTERNAL_KEEP_MISSING_HEADER,
    shareable_headers,
    tags_from_headers,
)
from .store import get_store

log = logging.getLogger(__name__)
SCOPE_FLAG = "broadsheet.pagecache"
COALESCE_WAIT_SECONDS = 10  # past this a waiting reader renders the page itself
# A lookup that failed (Redis down): the reader goes straight to Django instead of waiting for another
# reader's render of the same page, which could not be stored for it anyway.
UNAVAILABLE = object()


class PageCacheMiddleware:
    def __init__(self, app):
        self.app = app
        # Misses being rendered, per event loop: key -> Event set when the render is done. Readers who
        # miss the same key meanwhile wait for that render instead of starting their own (when a popular
        # entry expires or is purged, one render instead of one per reader in flight).
        self._rendering = weakref.WeakKeyDictionary()

    async def __call__(self, scope, receive, send):
        if not (keys.scope_is_candidate(scope) and app_settings.ENABLED):
            return await self.app(scope, receive, send)
        key = keys.scope_key(scope)
        if key is None:
            return await self.app(scope, receive, send)
        store = get_store()
        refresh = _refresh_requested(scope)
        # One round trip: the entry, or the generation a render of the miss is stored under.
        entry, generation = (None, None) if refresh else await self._lookup(store, key)
        if entry is UNAVAILABLE:  # the store is down: nothing to wait for, nothing will be kept
            return await self.app(scope, receive, send)
        if entry is None and not refresh:
            entry = await self._after_render_in_flight(store, key)
        if entry is not None:
            return await self._send_hit(entry, scope, send)
        rendering = self._rendering.setdefault(asyncio.get_running_loop(), {})
        done = rendering.setdefault(key, asyncio.Event())
        try:
            await self._serve_miss(store, key, scope, receive, send, generation)
        finally:
            if rendering.get(key) is done:
                del rendering[key]
            done.set()

    async def _after_render_in_flight(self, store, key):
        """The entry another request is rendering right now, once it is stored (or None)."""
        done = self._rendering.get(asyncio.get_running_loop(), {}).get(key)
        if done is None:
            return None
        try:
            await asyncio.wait_for(done.wait(), COALESCE_WAIT_SECONDS)
        except TimeoutError:
            return None
        entry, _ = await self._lookup(store, key)
        return None if entry is UNAVAILABLE else entry

    async def _lookup(self, store, key):
        """(entry, None), (None, generation) or (UNAVAILABLE, None)."""
        try:
            return await store.lookup_or_generation(key)
        except Exception:  # a cache outage must never take the site down: serve from Django
            log.exception("page cache lookup failed")
            return UNAVAILABLE, None

    async def _send_hit(self, entry, scope, send):
        if _not_modified(scope, entry):
            headers = [(k, v) for k, v in entry.headers if k.lower() in NOT_MODIFIED_HEADERS]
            status, body = 304, b""
        else:
            headers, status = entry.headers, entry.status
            body = b"" if scope["method"] == "HEAD" else entry.body
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": headers + [(b"x-cache", b"HIT")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _serve_miss(self, store, key, scope, receive, send, generation=None):
        if generation is None:
            try:
                generation = await store.generation()
            except Exception:
                log.exception("page cache unavailable")

        async def keep(capture):
            # Stored before the last byte goes out: a reader who has the page can already hit it.
            if generation is not None and capture.storable():
                try:
                    await store.save(key, generation=generation, **capture.parts())
                except Exception:
                    log.exception("page cache store failed")

        capture = _Capture(send, is_head=scope["method"] == "HEAD", on_complete=keep)
        await self.app({**scope, SCOPE_FLAG: True}, receive, capture.send)


REFRESH_HEADER = b"x-pagecache-refresh"
LOOPBACK = ("127.0.0.1", "::1")


def _refresh_requested(scope):
    """A front cache on this host refreshing its copy after a purge (pagecache/frontcache.py): render
    afresh, as a worker's own copy may be up to LOCAL_SECONDS old. Only from loopback, and the
    public nginx server clears the header, so readers cannot make the cache miss at will."""
    client = scope.get("client") or ("",)
    return client[0] in LOOPBACK and any(k == REFRESH_HEADER for k, _ in scope["headers"])


# What a 304 repeats of the stored reply (RFC 9110 15.4.5).
NOT_MODIFIED_HEADERS = {
    b"cache-control",
    b"etag",
    b"expires",
    b"vary",
    b"content-location",
    b"content-language",
}


def _not_modified(scope, entry):
    """A revalidation (If-None-Match) of the stored page: a front cache or browser keeps its copy."""
    for key, value in scope["headers"]:
        if key == b"if-none-match":
            etag = {k.lower(): v for k, v in entry.headers}.get(b"etag")
            return etag is not None and (
                value.strip() == b"*" or etag in [v.strip() for v in value.split(b",")]
            )
    return False


def _lifetime(headers):
    """The cache's own limit, or less when the reply's s-maxage/max-age says so."""
    limit = app_settings.SECONDS
    control = {k.lower(): v for k, v in headers}.get(b"cache-control", b"").decode("latin-1")
    shared = re.search(r"s-maxage=(\d+)", control) or re.search(r"max-age=(\d+)", control)
    return min(limit, int(shared.group(1))) if shared else limit


def _with_etag(headers, body):
    if any(k.lower() == b"etag" for k, _ in headers):
        return headers
    return headers + [
        (b"etag", b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"')
    ]


class _Capture:
    """Passes Django's reply through (tagged X-Cache: MISS) while keeping a copy of it."""

    def __init__(self, send, is_head, on_complete):
        self._send = send
        self._on_complete = on_complete
        self.is_head = is_head
        self.status = None
        self.headers = []
        self.tags = ()
        self.keep_missing = False
        self.chunks = []
        self.size = 0
        self.complete = False

    async def send(self, message):
        if message["type"] == "http.response.start":
            message = self._start(message)
        elif message["type"] == "http.response.body":
            self._body(message)
            if self.complete:
                await self._on_complete(self)
        await self._send(message)

    def _start(self, message):
        self.status = message["status"]
        self.headers = list(message.get("headers", []))
        self.tags = tags_from_headers(self.headers)
        self.keep_missing = any(k.lower() == INTERNAL_KEEP_MISSING_HEADER for k, _ in self.headers)
        public = [(k, v) for k, v in self.headers if k.lower() not in INTERNAL_HEADERS]
        return {**message, "headers": public + [(b"x-cache", b"MISS")]}

    def _body(self, message):
        if not self.tags:
            return
        body = message.get("body", b"")
        self.size += len(body)
        if self.size <= app_settings.MAX_BODY:
            self.chunks.append(body)
        self.complete = not message.get("more_body", False)

    def storable(self):
        # A HEAD reply has no body to keep; the next GET stores the page. Only 200s, and 404s their view
        # vouched for (a known word without an entry yet): a 404 per made-up word or path would let one
        # client grow the cache without bound.
        return (
            bool(self.tags)
            and (self.status == 200 or (self.status == 404 and self.keep_missing))
            and self.complete
            and not self.is_head
            and self.size <= app_settings.MAX_BODY
            and _lifetime(self.headers) > 0
        )

    def parts(self):
        body = b"".join(self.chunks)
        return {
            "status": self.status,
            "headers": _with_etag(shareable_headers(self.headers), body),
            "body": body,
            "tags": self.tags,
            "seconds": _lifetime(self.headers),
        }
