"""Where pages live: this worker's memory (embedded default) or Redis shared by every worker.

Both answer the same three questions: `lookup(key)` (an entry whose tags are all still at the versions
it was stored with), `generation()` (taken before rendering a miss) and `save(...)` (refused when any
purge happened since that generation, so a page rendered during a purge is never kept).
`lookup_or_generation(key)` asks the first two at once: with Redis, a miss then costs one round trip before
the render and one to store it.
"""

import asyncio
import functools
import random
import time
import weakref
from collections import OrderedDict

from .app_settings import app_settings
from .entry import Entry, shared, shared_headers
from .versions import VersionFile


class LocalEntries:
    """A small LRU of entries with an expiry each, private to one worker process, bounded by count and
    by the bytes its entries hold (bodies, their own headers and a fixed overhead each)."""

    def __init__(self, max_entries, max_bytes=None):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._bytes = 0
        self._items = OrderedDict()

    def get(self, key):
        item = self._items.get(key)
        if item is None:
            return None
        entry, expires, _ = item
        if expires < time.monotonic():
            self._drop(key)
            return None
        self._items.move_to_end(key)
        return entry

    def put(self, key, entry, seconds):
        if key in self._items:
            self._drop(key)
        size = entry.local_size()
        self._items[key] = (entry, time.monotonic() + seconds, size)
        self._bytes += size
        while len(self._items) > self.max_entries or (
            self.max_bytes is not None and self._bytes > self.max_bytes
        ):
            self._drop(next(iter(self._items)))

    def _drop(self, key):
        self._bytes -= self._items.pop(key)[2]

    def drop(self, key):
        if key in self._items:
            self._drop(key)

    def clear(self):
        self._items.clear()
        self._bytes = 0

    def __len__(self):
        return len(self._items)


class MemoryStore:
    """Entries in this worker's memory; tag versions in the machine-wide VersionFile."""

    def __init__(self, versions_path):
        self.versions = VersionFile(versions_path)
        self.entries = LocalEntries(app_settings.MAX_ENTRIES)

    async def lookup(self, key):
        entry = self.entries.get(key)
        if entry is not None and self.versions.versions(entry.tags) == entry.versions:
            return entry
        return None

    async def generation(self):
        return self.versions.generation()

    async def lookup_or_generation(self, key):
        entry = await self.lookup(key)
        return entry, None if entry is not None else self.versions.generation()

    def entry_count(self):
        return len(self.entries)

    async def save(self, key, *, status, headers, body, tags, generation, seconds=None):
        versions = self.versions.versions(tags)
        if self.versions.generation() != generation:
            return False
        entry = Entry(status, shared_headers(headers), body, shared(tuple(tags)), versions)
        self.entries.put(key, entry, seconds or app_settings.SECONDS)
        return True

    def purge(self, tags, *, generation=True):
        self.versions.bump(tags, generation=generation)


def _while_reachable(method):
    """After Redis failed, the next second's calls fail at once instead of each waiting out redis-py's
    retries: readers get the page from Django without delay while Redis is down (tests/faults)."""

    @functools.wraps(method)
    async def guarded(self, *args, **kwargs):
        if time.monotonic() < self._down_until:
            raise ConnectionError("Redis was unreachable a moment ago")
        try:
            return await method(self, *args, **kwargs)
        except Exception:
            self._down_until = time.monotonic() + DOWN_SECONDS
            raise

    return guarded


DOWN_SECONDS = 1.0
# Store an entry only while the generation is still the one read before the render, in one round trip.
SAVE_IF_GENERATION = """
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return 1
"""


class RedisStore:
    """Entries and tag versions in Redis; each worker keeps a copy for at most LOCAL_SECONDS."""

    def __init__(self, url, prefix):
        self.url = url
        self.prefix = prefix
        # Copies are checked against their tags' versions (re-read every LOCAL_SECONDS) and live as long as
        # the entry in Redis; the bound is by bytes, so many small API answers (a reader dictionary's words)
        # fit beside a few pages.
        self.entries = LocalEntries(app_settings.LOCAL_MAX_ENTRIES, app_settings.LOCAL_MAX_BYTES)
        self._versions_seen = {}  # tags -> (versions, monotonic time read): trusted LOCAL_SECONDS too
        self._clients = weakref.WeakKeyDictionary()  # one client per event loop (tests run several)
        self._sync = None
        self._save_if_generation = None
        self._down_until = 0.0

    def _client(self):
        import redis.asyncio

        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = self._clients[loop] = redis.asyncio.Redis.from_url(self.url)
        return client

    def version_key(self, tag):
        return f"{self.prefix}:v:{tag}"

    @property
    def generation_key(self):
        return f"{self.prefix}:gen"

    async def _versions(self, client, tags):
        # A counter Redis evicted (allkeys-lru, deploy/redis-broadsheet.conf) reads as -1, which matches
        # no stored entry; save() starts it again at a random value, never one an old entry carries.
        values = await client.mget([self.version_key(t) for t in tags]) if tags else []
        return tuple(-1 if v is None else int(v) for v in values)

    def entry_count(self):
        """Entries stored in Redis under this prefix (a SCAN: for monitoring, not for requests)."""
        import redis

        client = redis.Redis.from_url(self.url)
        return sum(1 for _ in client.scan_iter(match=f"{self.prefix}:e:*", count=1000))

    async def lookup(self, key):
        """A local copy while its tags' versions (re-read at most every LOCAL_SECONDS) still match, else
        the entry in Redis. Either way a purge anywhere is seen within LOCAL_SECONDS."""
        return (await self.lookup_or_generation(key))[0]

    @_while_reachable
    async def lookup_or_generation(self, key):
        """(entry, None), or (None, the generation) read in the same round trip as the missing entry: it
        is read before the render, as generation() would be."""
        client = self._client()
        entry = self.entries.get(key)
        if entry is not None:
            if await self._recent_versions(client, entry.tags) == entry.versions:
                return entry, None
            self.entries.drop(key)
        raw, generation = await client.mget([f"{self.prefix}:e:{key}", self.generation_key])
        generation = int(generation or 0)
        if raw is None:
            return None, generation
        entry = Entry.decode(raw)
        if await self._recent_versions(client, entry.tags) != entry.versions:
            return None, generation
        left = entry.expires_at - time.time()
        if left > 0:
            self.entries.put(key, entry, left)
        return entry, None

    async def _recent_versions(self, client, tags):
        """The tags' versions as read at most LOCAL_SECONDS ago: a hit from Redis is then one round trip.
        A purge in this worker forgets them at once; one in another worker is seen within LOCAL_SECONDS,
        as with the local copies of entries."""
        seen = self._versions_seen.get(tags)
        now = time.monotonic()
        if seen is not None and now - seen[1] < app_settings.LOCAL_SECONDS:
            return seen[0]
        versions = await self._versions(client, tags)
        if len(self._versions_seen) > 1000:
            self._versions_seen.clear()
        self._versions_seen[tags] = (versions, now)
        return versions

    @_while_reachable
    async def generation(self):
        return int(await self._client().get(self.generation_key) or 0)

    @_while_reachable
    async def save(self, key, *, status, headers, body, tags, generation, seconds=None):
        client = self._client()
        seconds = seconds or app_settings.SECONDS
        versions = await self._recent_versions(client, tuple(tags))
        if -1 not in versions:
            # Versions read up to LOCAL_SECONDS ago are never newer than the ones read now would be; an
            # older one only makes the entry miss until it is stored again. The generation is checked
            # with the write, atomically.
            entry = Entry(status, headers, body, tags, versions, expires_at=time.time() + seconds)
            if self._save_if_generation is None:
                self._save_if_generation = client.register_script(SAVE_IF_GENERATION)
            stored = await self._save_if_generation(
                keys=[self.generation_key, f"{self.prefix}:e:{key}"],
                args=[generation, entry.encode(), seconds],
                client=client,
            )
            return bool(stored)
        self._versions_seen.pop(
            tuple(tags), None
        )  # a counter is set again below: read it afresh next
        keys = [self.version_key(t) for t in tags] + [self.generation_key]
        raw = await client.mget(keys)
        for name, value in zip(keys[:-1], raw, strict=False):
            if value is None:
                await client.set(name, random.getrandbits(40), nx=True)
        if None in raw[:-1]:
            raw = await client.mget(keys)
        values = [int(v or 0) for v in raw]
        if values[-1] != generation:
            return False
        entry = Entry(
            status, headers, body, tags, tuple(values[:-1]), expires_at=time.time() + seconds
        )
        await client.set(f"{self.prefix}:e:{key}", entry.encode(), ex=seconds)
        return True

    def purge(self, tags, *, generation=True):
        """Called from Django's synchronous signal handlers, hence the synchronous client (one per
        worker, thread-safe: redis-py pools its connections). generation=False leaves pages being
        rendered right now free to be stored (see purge.purge_tags)."""
        if self._sync is None:
            import redis

            self._sync = redis.Redis.from_url(self.url)
        with self._sync.pipeline(transaction=True) as pipe:
            for tag in set(tags):
                pipe.incr(self.version_key(tag))
            if generation:
                pipe.incr(self.generation_key)
            pipe.execute()
        # Forgetting the versions read is enough: every local copy is checked against them before use, so
        # this worker's copies go at once (the others' within LOCAL_SECONDS) without scanning them all.
        self._versions_seen.clear()


_store = None


def get_store():
    global _store
    if _store is None:
        _store = build_store()
    return _store


def build_store():
    url = app_settings.REDIS_URL
    if url:
        return RedisStore(url, app_settings.KEY_PREFIX)
    return MemoryStore(app_settings.VERSIONS_FILE)


def shared_generation():
    """The store-wide generation as every worker on this machine sees it, read synchronously: the
    memory-mapped counter without Redis; 0 with Redis, whose Django cache every worker shares anyway."""
    store = get_store()
    return store.versions.generation() if isinstance(store, MemoryStore) else 0


def reset_store():
    """Forget the store (tests switch settings between runs)."""
    global _store
    _store = None
