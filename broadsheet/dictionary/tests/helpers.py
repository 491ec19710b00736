"""Test helpers shared by the dictionary's unit tests and browser journeys."""

from django.conf import settings
from django.core.cache import cache


def clear_own_cache():
    """Empty this test run's cache. On Redis only our prefix goes: cache.clear() would FLUSHDB a shared server."""
    config = settings.CACHES["default"]
    if "redis" not in config["BACKEND"].lower():
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{config.get('KEY_PREFIX', '')}:*", count=1000))
    if keys:
        client.delete(*keys)
