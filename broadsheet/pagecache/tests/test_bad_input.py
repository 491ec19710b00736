"""Odd requests go to Django untouched or are answered normally: never a 500 from the cache."""

import pytest

from .fixtures import URLS


def test_overlong_path_bypasses_the_cache(tree, asgi):
    reply = asgi("/" + "a" * 2000 + "/")
    assert reply.status == 404 and "x-cache" not in reply.headers


@pytest.mark.parametrize(
    "header",
    [
        (b"accept-language", b"*;q=abc,,;;="),
        (b"accept-language", b"x" * 5000),
        (b"cookie", b"django_language=../../etc; =;;=="),
        (b"cookie", "django_language=한국어".encode()),
    ],
    ids=["broken quality", "overlong", "path in the cookie", "Korean word in the cookie"],
)
def test_garbage_language_headers_resolve_to_english(tree, asgi, header):
    asgi(URLS["home"])
    reply = asgi(URLS["home"], headers=[header])
    assert reply.status == 200 and reply.x_cache == "HIT", header
    assert reply.headers["content-language"] == "en"


def test_odd_paths_and_queries(tree, asgi):
    assert asgi("/%00/").status in (400, 404)
    assert asgi("/national/%E2%82/").status == 404
    reply = asgi(URLS["national"], query=b"page=%ff%fe")
    assert reply.status in (200, 404)
    assert asgi(URLS["national"], query=b"page=1&page=2").status in (200, 404)


def test_post_to_a_page_is_never_cached(tree, asgi):
    reply = asgi(URLS["home"], method="POST")
    assert "x-cache" not in reply.headers
