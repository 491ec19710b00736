"""Django's Redis cache, with its connection pools and clients shared by the whole process.

Django keeps cache objects per request context (``django.core.cache.caches`` is context-local), and
each new RedisCache builds a new connection pool: under ASGI every request opened a fresh Redis
connection (a handshake, and redis-py reading its own version from package metadata) for its session
and rate-limit reads. Its ``get_client()`` also constructs a new ``redis.Redis`` for every operation,
filling a table of ~170 response callbacks each time. Pools and redis-py clients are thread-safe, so
one of each per server and options is kept for the life of the process.

When Redis is down the cache degrades to a cache that remembers nothing (reads miss, writes are dropped,
one warning a minute), so pages and comment lists are built from the database and sessions
(cached_db) are read from it. The comment rate limits then fail open: count_in_window counts nothing, so
a Redis restart does not stop a newsroom's comments for its duration, while the brakes kept in the
database (the same text twice, new commenters held, sanctions) still apply.
"""

import functools
import logging
import threading
import time

import redis
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient

_shared = {}
_lock = threading.Lock()
log = logging.getLogger(__name__)
UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
_last_warning = [0.0]
_down_until = [0.0]
DOWN_SECONDS = 1.0


def _degrades_to(default):
    """The method answers `default` instead of raising while Redis cannot be reached. After a failure the
    next second's calls answer it at once, instead of each waiting out redis-py's retries."""

    def wrap(method):
        @functools.wraps(method)
        def degraded(*args, **kwargs):
            if time.monotonic() < _down_until[0]:
                return default(*args, **kwargs) if callable(default) else default
            try:
                return method(*args, **kwargs)
            except UNAVAILABLE:
                _down_until[0] = time.monotonic() + DOWN_SECONDS
                if time.monotonic() - _last_warning[0] > 60:
                    _last_warning[0] = time.monotonic()
                    log.warning("Redis cache unavailable: serving without it", exc_info=True)
                return default(*args, **kwargs) if callable(default) else default

        return degraded

    return wrap


class RedisCacheClient(DjangoRedisCacheClient):
    def _shared_key(self, index):
        return (self._servers[index], repr(sorted(self._pool_options.items())))

    def _get_connection_pool(self, write):
        return self._shared(self._get_connection_pool_index(write))[0]

    def get_client(self, key=None, *, write=False):
        return self._shared(self._get_connection_pool_index(write))[1]

    def _shared(self, index):
        key = self._shared_key(index)
        found = _shared.get(key)
        if found is None:
            with _lock:
                found = _shared.get(key)
                if found is None:
                    pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
                    found = _shared[key] = (pool, self._client(connection_pool=pool))
        return found


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    add = _degrades_to(False)(DjangoRedisCache.add)
    get = _degrades_to(lambda self, key, default=None, version=None: default)(DjangoRedisCache.get)
    set = _degrades_to(None)(DjangoRedisCache.set)
    touch = _degrades_to(False)(DjangoRedisCache.touch)
    delete = _degrades_to(False)(DjangoRedisCache.delete)
    get_many = _degrades_to({})(DjangoRedisCache.get_many)
    has_key = _degrades_to(False)(DjangoRedisCache.has_key)
    set_many = _degrades_to([])(DjangoRedisCache.set_many)
    delete_many = _degrades_to(None)(DjangoRedisCache.delete_many)

    @_degrades_to(lambda self, keys, version=None: [0] * len(keys))
    def count_in_window(self, keys, version=None):
        """Add one to each (key, lifetime in seconds) counter, creating it with that lifetime, in one round
        trip; the new counts. (Django's incr() checks that the key exists first: two trips per counter.)
        The counters are plain integers, as Django's own serializer stores them."""
        client = self._cache.get_client(write=True)
        with client.pipeline(transaction=False) as pipe:
            for key, lifetime in keys:
                key = self.make_and_validate_key(key, version=version)
                pipe.set(key, 0, ex=lifetime, nx=True)
                pipe.incr(key)
            return pipe.execute()[1::2]
