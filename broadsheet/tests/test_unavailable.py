"""A database or Redis that cannot be reached is a 503 with Retry-After (JSON under /api/), not a 500; the
Redis cache degrades to remembering nothing, and the rate counters fail open (count nothing)."""

import json
import socket

import pytest
import redis
from django.db import OperationalError
from django.test import RequestFactory

from broadsheet.redis_cache import RedisCache
from broadsheet.unavailable import server_error_view


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket closes


def _view_while_raising(error, path):
    try:
        raise error
    except Exception:
        return server_error_view(RequestFactory().get(path))


@pytest.mark.parametrize(
    "error", [OperationalError("connection refused"), redis.exceptions.ConnectionError("down")]
)
def test_an_unreachable_service_is_a_503_json_under_the_api(error):
    reply = _view_while_raising(error, "/api/comments/threads/article-1/comments")
    assert reply.status_code == 503 and reply["Retry-After"] == "5"
    assert json.loads(reply.content)["code"] == "unavailable"


def test_a_wrapped_database_error_on_a_page_is_a_plain_503():
    try:
        try:
            raise OperationalError("the database system is shutting down")
        except OperationalError as cause:
            raise RuntimeError("rendering failed") from cause
    except RuntimeError:
        reply = server_error_view(RequestFactory().get("/national/"))
    assert reply.status_code == 503 and reply["Content-Type"].startswith("text/plain")


def test_any_other_error_stays_a_500():
    assert _view_while_raising(ValueError("a bug"), "/api/x").status_code == 500


def test_the_redis_cache_forgets_instead_of_failing_and_the_rate_counters_fail_open():
    cache = RedisCache(
        f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {"socket_connect_timeout": 1}}
    )
    assert cache.get("nav", "fallback") == "fallback"
    cache.set("nav", "x")
    assert cache.add("nav", "x") is False and cache.get_many(["a", "b"]) == {}
    cache.delete("nav")
    assert cache.count_in_window([("rate:user:1", 60), ("rate:ip:x", 60)]) == [0, 0]
