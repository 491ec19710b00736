"""One request to an ASGI app, as uvicorn sends it, and its reply (the root conftest's ``call_asgi``)."""

import asyncio


class AsgiReply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.decode().lower(): v.decode() for k, v in headers}
        self.raw_headers = headers
        self.body = body

    @property
    def x_cache(self):
        return self.headers.get("x-cache")


async def asgi_request(app, path, *, method="GET", query=b"", headers=()):
    """One request to an ASGI app, as uvicorn would send it -> AsgiReply."""
    messages = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if requests:
            return requests.pop()
        await asyncio.Event().wait()  # the client stays connected; Django cancels this wait

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "query_string": query,
        "root_path": "",
        "server": ("127.0.0.1", 8105),
        "client": ("127.0.0.1", 50000),
        "headers": [(b"host", b"127.0.0.1"), *headers],
    }
    await app(scope, receive, send)
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return AsgiReply(start["status"], start["headers"], body)
