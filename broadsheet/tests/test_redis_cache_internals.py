"""Guards on the Django internals broadsheet/redis_cache.py overrides. Each test names what it relies on;
one failing after a Django upgrade means redis_cache.py must be revisited before the upgrade ships
(Django is pinned to 5.2.x for this reason: README, "Dependencies"). No Redis is needed: nothing here
connects."""

import inspect

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient

from broadsheet import redis_cache

SERVER = "redis://127.0.0.1:1/0"  # a port nothing listens on: constructing pools never connects
# The public methods redis_cache.RedisCache wraps to degrade, with the parameters its defaults accept.
WRAPPED = {
    "add": ["self", "key", "value", "timeout", "version"],
    "get": ["self", "key", "default", "version"],
    "set": ["self", "key", "value", "timeout", "version"],
    "touch": ["self", "key", "timeout", "version"],
    "delete": ["self", "key", "version"],
    "get_many": ["self", "keys", "version"],
    "has_key": ["self", "key", "version"],
    "set_many": ["self", "data", "timeout", "version"],
    "delete_many": ["self", "keys", "version"],
}


def test_the_client_keeps_servers_pool_options_pool_class_and_client_class():
    client = DjangoRedisCacheClient([SERVER], socket_timeout=2)
    assert client._servers == [SERVER]
    assert isinstance(client._pool_options, dict) and client._pool_options["socket_timeout"] == 2
    assert callable(client._pool_class.from_url)
    assert client._client is redis_cache.redis.Redis


def test_the_client_picks_a_pool_by_index_and_hands_out_clients_through_get_client():
    params = inspect.signature(DjangoRedisCacheClient._get_connection_pool_index).parameters
    assert list(params) == ["self", "write"]
    assert list(inspect.signature(DjangoRedisCacheClient._get_connection_pool).parameters) == [
        "self",
        "write",
    ]
    get_client = inspect.signature(DjangoRedisCacheClient.get_client).parameters
    assert (
        list(get_client) == ["self", "key", "write"]
        and get_client["write"].kind is inspect.Parameter.KEYWORD_ONLY
    )
    # Every operation reaches Redis through get_client(), the one method the shared client replaces.
    for name in (
        "add",
        "get",
        "set",
        "touch",
        "delete",
        "get_many",
        "has_key",
        "incr",
        "set_many",
        "delete_many",
    ):
        assert "self.get_client(" in inspect.getsource(getattr(DjangoRedisCacheClient, name)), name


def test_the_cache_builds_its_client_from_class_servers_and_options():
    cache = redis_cache.RedisCache(SERVER, {"OPTIONS": {"socket_timeout": 2}})
    assert cache._class is redis_cache.RedisCacheClient  # set after Django's __init__ set its own
    client = cache._cache  # Django's cached_property: self._class(self._servers, **self._options)
    assert isinstance(client, redis_cache.RedisCacheClient) and client._servers == [SERVER]


def test_pools_and_clients_are_shared_by_every_cache_object_of_one_server():
    one = redis_cache.RedisCache(SERVER, {"OPTIONS": {"socket_timeout": 2}})._cache
    two = redis_cache.RedisCache(SERVER, {"OPTIONS": {"socket_timeout": 2}})._cache
    assert one._get_connection_pool(False) is two._get_connection_pool(True)
    assert one.get_client("k") is two.get_client(write=True)


@pytest.mark.parametrize(("name", "parameters"), WRAPPED.items())
def test_the_wrapped_methods_keep_their_signatures(name, parameters):
    assert list(inspect.signature(getattr(DjangoRedisCache, name)).parameters) == parameters
    assert "self.make_and_validate_key(" in inspect.getsource(getattr(DjangoRedisCache, name))
