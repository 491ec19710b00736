"""Readers who miss a page while another request renders it wait for that render: one render, not many."""

import asyncio
import threading

from broadsheet.pagecache.asgi import PageCacheMiddleware
from broadsheet.pagecache.entry import INTERNAL_TAGS_HEADER


class SlowPage:
    """An inner app that takes a while to render a cacheable page, counting its renders."""

    def __init__(self, *, cacheable=True):
        self.renders = 0
        self.cacheable = cacheable

    async def __call__(self, scope, receive, send):
        self.renders += 1
        await asyncio.sleep(0.2)
        headers = [(b"content-type", b"text/html"), (b"cache-control", b"public, s-maxage=60")]
        if self.cacheable:
            headers.append((INTERNAL_TAGS_HEADER, b"page-1 pages"))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": f"render {self.renders}".encode()})


def _get_many(app, count):
    results = []

    async def one():
        scope = {
            "type": "http",
            "method": "GET",
            "path": "/national/",
            "query_string": b"",
            "headers": [(b"host", b"127.0.0.1")],
        }
        sent = []

        async def send(message):
            sent.append(message)

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        await app(scope, receive, send)
        results.append(
            b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        )

    async def all_of_them():
        await asyncio.gather(*(one() for _ in range(count)))

    worker = threading.Thread(target=lambda: asyncio.run(all_of_them()))  # a loop of its own
    worker.start()
    worker.join()
    return results


def test_concurrent_misses_wait_for_one_render(db):
    inner = SlowPage()
    bodies = _get_many(PageCacheMiddleware(inner), 8)
    assert inner.renders == 1 and bodies == [b"render 1"] * 8


def test_a_render_that_is_not_stored_lets_the_others_render(db):
    inner = SlowPage(cacheable=False)
    bodies = _get_many(PageCacheMiddleware(inner), 3)
    assert inner.renders >= 2 and len(bodies) == 3
