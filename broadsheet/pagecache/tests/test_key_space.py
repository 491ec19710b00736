"""One client cannot grow the page cache without bound: only the query strings the site writes are
stored, 404s are not, and the store counts its entries."""

import pytest

from broadsheet.pagecache import store

from .fixtures import URLS


def _count():
    return store.get_store().entry_count()


@pytest.mark.parametrize(
    "query",
    [
        b"page=007",
        b"page=%C2%B2",
        b"page=" + b"9" * 5000,
        b"sort=anything",
        b"page=1&page=2",
        b"utm_source=x",
        b"sort=newest&sort=oldest",
    ],
    ids=[
        "leading zeros",
        "superscript two",
        "overlong",
        "unknown sort",
        "two pages",
        "tracking",
        "two sorts",
    ],
)
def test_query_variants_are_served_but_not_stored(tree, asgi, query):
    asgi(URLS["national"])
    assert asgi(URLS["national"]).x_cache == "HIT"
    stored = _count()
    for _ in range(2):
        assert asgi(URLS["national"], query=query).x_cache != "HIT", query
    assert _count() == stored


def test_canonical_queries_are_stored(tree, asgi):
    asgi(URLS["national"], query=b"page=1")
    assert asgi(URLS["national"], query=b"page=1").x_cache == "HIT"


def test_made_up_paths_are_not_stored(tree, asgi):
    stored = _count()
    for n in range(20):
        assert asgi(f"/no-such-page-{n}/").status == 404
        assert asgi(f"/no-such-page-{n}/").x_cache != "HIT"
    assert _count() == stored
