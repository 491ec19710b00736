"""Django's Redis cache, with its connection pools and clients shared by the whole process.

Django keeps cache objects per request context (``django.core.cache.caches`` is context-local), and
each new RedisCache builds a new connection pool: under ASGI every request opened a fresh Redis
connection (a handshake, and redis-py reading its own version from package metadata) for its session
and rate-limit reads. Its ``get_client()`` also constructs a new ``redis.Redis`` for every operation,
filling a table of ~170 response callbacks each time. Pools and redis-py clients are thread-safe, so
one of each per server and options is kept for the life of the process.
"""

import threading

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient

_shared = {}
_lock = threading.Lock()


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
