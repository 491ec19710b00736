"""Django's ASGI handler, with its synchronous part run in one hop on a fixed set of threads per worker.

Stock Django under ASGI gives every request a thread of its own (ThreadSensitiveContext) and, because
its innermost handler is async, crosses between the event loop and that thread three times when the
middleware are synchronous (they all are here: sessions, CSRF, auth, Wagtail's redirects...). On one
core the threads fight over the GIL: a trivial API reply cost several times the CPU it costs in-process.

Here the middleware chain and the view are built synchronously and called in one hop, on a fixed set
of BROADSHEET_SYNC_THREADS threads, so a worker runs its Django code the way a threaded WSGI worker does,
while the event loop keeps serving page-cache hits, streams (async views such as the live comment feed
run on the loop) and slow clients. With one thread (the default with SQLite, which takes one
writer at a time) that is asgiref's thread for thread-sensitive code. With PostgreSQL a few threads let
one request run while others wait on the database or Redis. Scale further with workers (one or two per
core). Figures: bench/results.md ("Figures that used to live in docstrings").
"""

import ctypes
import ctypes.util
import os
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.db import connections

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def bound_malloc_arenas(arenas):
    """At most `arenas` glibc malloc arenas in this process. glibc gives each thread that allocates under
    contention an arena of its own (up to 8 per core), and a worker's sync threads, event loop and Redis
    client all allocate small objects: the freed memory stays spread over those arenas, which the worker
    keeps as RSS. Called once at a worker's start, before its threads exist; an operator's own
    MALLOC_ARENA_MAX (read by glibc itself) wins. Returns whether the bound was set."""
    if not arenas or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.mallopt(M_ARENA_MAX, int(arenas)))
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to bound
        return False


def drop_broken_connections():
    """Django checks a connection that raised for being usable when the request ends (request_finished ->
    close_old_connections), but that runs on another thread than these, which keep their connections: one
    broken by a database restart would fail every later request on its thread. So each thread checks its
    own after each request, as close_if_unusable_or_obsolete does, and a broken one goes back to the pool,
    which replaces it."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and connection.errors_occurred:
            if connection.is_usable():
                connection.errors_occurred = False
            else:
                connection.close()


class BodyTooLarge(Exception):
    pass


def body_limit(path):
    """The most bytes a request body to this path may carry. Django checks Content-Length only (and only
    when the body is read); a chunked body has none, so the count is kept here, on the bytes as they arrive."""
    if path.startswith(("/admin/", "/django-admin/")):
        return settings.BROADSHEET_MAX_ADMIN_BODY_BYTES  # image and document uploads
    return settings.BROADSHEET_MAX_BODY_BYTES


def counting(receive, limit):
    seen = 0

    async def receive_counted():
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            raise BodyTooLarge
        return message

    return receive_counted


async def refuse_too_large(scope, send):
    json = scope["path"].startswith("/api/")
    body = (
        b'{"code": "too_large", "message": "The request is too large."}'
        if json
        else b"The request is too large.\n"
    )
    content_type = b"application/json" if json else b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SyncChainASGIHandler(ASGIHandler):
    def load_middleware(self, is_async=False):
        super().load_middleware(is_async=False)
        chain = self._middleware_chain

        def chain_then_check(request):
            try:
                return chain(request)
            finally:
                drop_broken_connections()

        threads = getattr(settings, "BROADSHEET_SYNC_THREADS", 1)
        if threads > 1:
            pool = ThreadPoolExecutor(threads, thread_name_prefix="django")
            self._middleware_chain = sync_to_async(
                chain_then_check, thread_sensitive=False, executor=pool
            )
        else:
            self._middleware_chain = sync_to_async(chain_then_check, thread_sensitive=True)

    async def __call__(self, scope, receive, send):
        # No ThreadSensitiveContext: thread-sensitive code shares the process's one sync thread.
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        try:
            # Django reads the whole body before the view; what it reads is counted and capped.
            await self.handle(scope, counting(receive, body_limit(scope["path"])), send)
        except BodyTooLarge:
            await refuse_too_large(scope, send)
