"""Django's ASGI handler, with its synchronous part run in one hop on a fixed set of threads per worker.

Stock Django under ASGI gives every request a thread of its own (ThreadSensitiveContext) and, because
its innermost handler is async, crosses between the event loop and that thread three times when the
middleware are synchronous (they all are here: sessions, CSRF, auth, Wagtail's redirects...). On one
core the threads fight over the GIL: a trivial API reply cost several times the CPU it costs in-process.

Here the middleware chain and the view are built synchronously and called in one hop, on a fixed set
of BROADSHEET_SYNC_THREADS threads, so a worker runs its Django code the way a threaded WSGI worker does,
request_started and (for a reply that is not streamed) request_finished included: stock Django sends
each from one more hop of its own, and logs a 4xx/5xx from yet another,
while the event loop keeps serving page-cache hits, streams (async views such as the live comment feed
run on the loop) and slow clients. With one thread (the default with SQLite, which takes one
writer at a time) that is asgiref's thread for thread-sensitive code. With PostgreSQL a few threads let
one request run while others wait on the database or Redis. Scale further with workers (one or two per
core). Figures: bench/results.md ("Figures that used to live in docstrings").
"""

import asyncio
import ctypes
import os
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.db import connections
from django.http import FileResponse
from django.urls import set_script_prefix, set_urlconf
from django.utils.log import log_response

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def bound_malloc_arenas(arenas):
    """At most `arenas` glibc malloc arenas in this process. glibc gives each thread that allocates under
    contention an arena of its own (up to 8 per core), and a worker's sync threads, event loop and Redis
    client all allocate small objects: the freed memory stays spread over those arenas, which the worker
    keeps as RSS. Called once at a worker's start, before its threads exist; an operator's own
    MALLOC_ARENA_MAX (read by glibc itself) wins. Returns whether the bound was set."""
    if not arenas or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        # The process's own symbols: libc is already loaded, no library search (a subprocess) at start.
        return bool(ctypes.CDLL(None).mallopt(M_ARENA_MAX, arenas))
    except AttributeError:  # not glibc (musl, macOS): nothing to bound
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
        handler_class = self.__class__
        chunk_size = self.chunk_size

        def chain_then_check(request):
            try:
                return chain(request)
            finally:
                drop_broken_connections()

        def respond(request, scope):
            """What stock Django does around the chain in three more hops, done in this one, on this
            thread: so request_finished's close_old_connections returns this thread's connection to
            the pool, as it does under WSGI."""
            signals.request_started.send(sender=handler_class, scope=scope)
            set_urlconf(settings.ROOT_URLCONF)
            response = chain_then_check(request)
            response._resource_closers.append(request.close)
            response._handler_class = handler_class
            if response.status_code >= 400:
                log_response(
                    "%s: %s",
                    response.reason_phrase,
                    request.path,
                    response=response,
                    request=request,
                )
            if isinstance(response, FileResponse):
                response.block_size = chunk_size
            if not response.streaming:
                response.close()  # its bytes are all in memory: request_finished now, on this thread
            return response

        threads = getattr(settings, "BROADSHEET_SYNC_THREADS", 1)
        if threads > 1:
            pool = ThreadPoolExecutor(threads, thread_name_prefix="django")
            hop = {"thread_sensitive": False, "executor": pool}
        else:
            hop = {"thread_sensitive": True}
        self._respond = sync_to_async(respond, **hop)
        # What BaseHandler.get_response_async awaits, should anything call it: the chain in one hop too.
        self._middleware_chain = sync_to_async(chain_then_check, **hop)

    async def __call__(self, scope, receive, send):
        # No ThreadSensitiveContext: thread-sensitive code shares the process's one sync thread.
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        try:
            # Django reads the whole body before the view; what it reads is counted and capped.
            await self.handle(scope, counting(receive, body_limit(scope["path"])), send)
        except BodyTooLarge:
            await refuse_too_large(scope, send)

    async def handle(self, scope, receive, send):
        """ASGIHandler.handle with the request's synchronous part in one hop (respond above). A streamed
        reply (a live comment feed, a file) is then sent as stock Django sends it, watching for the
        client's disconnect."""
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        set_script_prefix(get_script_prefix(scope))
        request, error_response = self.create_request(scope, body_file)
        if request is None:  # a bad Host header, too many fields...: Django's own answer
            await signals.request_started.asend(sender=self.__class__, scope=scope)
            body_file.close()
            await self.send_response(error_response, send)
            await sync_to_async(error_response.close)()
            return
        try:
            response = await self._respond(request, scope)
            if response.streaming:
                await self._stream(response, receive, send)
            else:
                try:
                    await self.send_response(response, send)
                except asyncio.CancelledError:
                    pass  # the client went away meanwhile
        finally:
            body_file.close()

    async def _stream(self, response, receive, send):
        async def stream():
            try:
                await self.send_response(response, send)
            except asyncio.CancelledError:
                pass

        tasks = [
            asyncio.create_task(self.listen_for_disconnect(receive)),
            asyncio.create_task(stream()),
        ]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            if task.done():
                try:
                    task.result()
                except RequestAborted:
                    pass
            else:
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    pass
        await sync_to_async(response.close)()
