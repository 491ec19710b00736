"""Django's ASGI handler, with its synchronous part run in one hop on a fixed set of threads per worker.

Stock Django under ASGI gives every request a thread of its own (ThreadSensitiveContext) and, because
its innermost handler is async, crosses between the event loop and that thread three times when the
middleware are synchronous (they all are here: sessions, CSRF, auth, Wagtail's redirects...). On one
core the threads fight over the GIL: a trivial API reply cost 3.4 ms of CPU instead of 0.6 ms.

Here the middleware chain and the view are built synchronously and called in one hop, on a fixed set
of BROADSHEET_SYNC_THREADS threads, so a worker runs its Django code the way a threaded WSGI worker does,
while the event loop keeps serving page-cache hits, streams (async views such as the live comment feed
run on the loop) and slow clients. With one thread (the default with SQLite, which takes one
writer at a time) that is asgiref's thread for thread-sensitive code. With PostgreSQL a few threads let
one request run while others wait on the database or Redis: posting a comment went from 212 to ~265 a
second on one core with four. Scale further with workers (one or two per core). See bench/results.md.
"""

from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.db import connections


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
            self._middleware_chain = sync_to_async(chain_then_check, thread_sensitive=False, executor=pool)
        else:
            self._middleware_chain = sync_to_async(chain_then_check, thread_sensitive=True)

    async def __call__(self, scope, receive, send):
        # No ThreadSensitiveContext: thread-sensitive code shares the process's one sync thread.
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        await self.handle(scope, receive, send)
