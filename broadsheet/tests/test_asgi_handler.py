"""The ASGI handler runs Django's synchronous middleware and view in one hop, on a fixed set of threads
(one by default)."""

import asyncio
import threading

from asgiref.sync import SyncToAsync

from broadsheet.handler import SyncChainASGIHandler
from tests.asgi_client import asgi_request

SEEN = []


class RecordThread:
    """A synchronous middleware noting the thread it and the view run on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        SEEN.append(("middleware", threading.get_ident()))
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        SEEN.append(("view", threading.get_ident()))


def test_middleware_and_view_share_one_thread_across_requests(db, settings, call_asgi):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.RecordThread"]
    handler = SyncChainASGIHandler()
    assert isinstance(
        handler._middleware_chain, SyncToAsync
    )  # the whole chain is one synchronous call
    SEEN.clear()
    assert call_asgi(handler, "/api/comments/policy").status == 200
    assert call_asgi(handler, "/api/comments/policy").status == 200
    assert [kind for kind, _ in SEEN] == ["middleware", "view"] * 2
    assert len({ident for _, ident in SEEN}) == 1


class Pause:
    """A synchronous middleware that answers by itself after a pause, noting its thread."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.http import HttpResponse

        SEEN.append(("pause", threading.get_ident()))
        time.sleep(0.3)
        return HttpResponse("ok")


def test_with_several_threads_requests_overlap_on_that_many_threads(settings):
    """BROADSHEET_SYNC_THREADS=3: three requests waiting at once take one pause, not three, and a fourth
    reuses a thread of the same three."""
    import time

    settings.MIDDLEWARE = [f"{__name__}.Pause"]
    settings.BROADSHEET_SYNC_THREADS = 3
    handler = SyncChainASGIHandler()
    SEEN.clear()

    async def run():
        started = time.monotonic()
        replies = await asyncio.gather(*(asgi_request(handler, "/") for _ in range(3)))
        overlapped = time.monotonic() - started
        replies.append(await asgi_request(handler, "/"))
        return [reply.status for reply in replies], overlapped

    results = []
    worker = threading.Thread(
        target=lambda: results.append(asyncio.run(run()))
    )  # a loop of its own
    worker.start()
    worker.join()
    statuses, overlapped = results[0]
    assert statuses == [200] * 4
    assert overlapped < 0.6  # one pause of 0.3 s, not three
    threads = {ident for _, ident in SEEN}
    assert len(SEEN) == 4 and len(threads) == 3 and threading.get_ident() not in threads


def test_other_connection_types_are_refused():
    # In a thread of its own: a browser test earlier in the session may have left a loop in this one.
    errors = []

    def call():
        try:
            asyncio.run(SyncChainASGIHandler()({"type": "websocket"}, None, None))
        except ValueError as error:
            errors.append(str(error))

    worker = threading.Thread(target=call)
    worker.start()
    worker.join()
    assert errors and "websocket" in errors[0]


def test_each_request_ends_by_dropping_its_threads_broken_database_connections(
    db, call_asgi, monkeypatch
):
    """request_finished closes unusable connections on another thread than the handler's: without this
    check a connection broken by a PostgreSQL restart failed every later request on its thread."""
    import broadsheet.handler as handler_module

    checked = []
    monkeypatch.setattr(
        handler_module, "drop_broken_connections", lambda: checked.append(threading.get_ident())
    )
    assert call_asgi(SyncChainASGIHandler(), "/api/comments/policy").status == 200
    assert len(checked) == 1


def test_a_broken_connection_is_closed_and_a_usable_one_kept(db, monkeypatch):
    from django.db import connections

    from broadsheet.handler import drop_broken_connections

    connection = connections["default"]
    connection.ensure_connection()
    closed = []
    monkeypatch.setattr(connection, "close", lambda: closed.append(True))
    monkeypatch.setattr(connection, "errors_occurred", True)
    monkeypatch.setattr(type(connection), "is_usable", lambda self: True)
    drop_broken_connections()
    assert closed == [] and connection.errors_occurred is False
    connection.errors_occurred = True
    monkeypatch.setattr(type(connection), "is_usable", lambda self: False)
    drop_broken_connections()
    assert closed == [True]


def test_request_started_and_finished_run_in_the_views_one_hop(db, settings, call_asgi):
    """Stock Django sends each signal from a hop of its own to another thread; here they run on the
    view's thread, in order, so request_finished's close_old_connections sees that thread's connection."""
    from django.core import signals

    def started(**kwargs):
        SEEN.append(("started", threading.get_ident()))

    def finished(**kwargs):
        SEEN.append(("finished", threading.get_ident()))

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.RecordThread"]
    signals.request_started.connect(started)
    signals.request_finished.connect(finished)
    try:
        SEEN.clear()
        assert call_asgi(SyncChainASGIHandler(), "/api/comments/policy").status == 200
    finally:
        signals.request_started.disconnect(started)
        signals.request_finished.disconnect(finished)
    assert [kind for kind, _ in SEEN] == ["started", "middleware", "view", "finished"]
    assert len({ident for _, ident in SEEN}) == 1


def streamed(request):
    from django.http import StreamingHttpResponse

    def parts():
        SEEN.append(("streaming", threading.get_ident()))
        yield b"one,"
        yield b"two"

    return StreamingHttpResponse(parts())


def missing(request):
    from django.http import HttpResponseNotFound

    return HttpResponseNotFound("no such thing")


urlpatterns = []


def _urls():
    from django.urls import path

    return [path("streamed", streamed), path("missing", missing)]


def test_a_streamed_reply_is_sent_whole_and_finished_after_its_last_part(settings, call_asgi):
    from django.core import signals

    settings.ROOT_URLCONF = __name__
    settings.MIDDLEWARE = []
    urlpatterns[:] = _urls()

    def finished(**kwargs):
        SEEN.append(("finished", threading.get_ident()))

    signals.request_finished.connect(finished)
    try:
        SEEN.clear()
        reply = call_asgi(SyncChainASGIHandler(), "/streamed")
    finally:
        signals.request_finished.disconnect(finished)
    assert reply.status == 200 and reply.body == b"one,two"
    assert [kind for kind, _ in SEEN] == ["streaming", "finished"]


def test_an_error_reply_is_logged_once(settings, call_asgi, caplog):
    settings.ROOT_URLCONF = __name__
    settings.MIDDLEWARE = []
    urlpatterns[:] = _urls()
    with caplog.at_level("WARNING", logger="django.request"):
        reply = call_asgi(SyncChainASGIHandler(), "/missing")
    assert reply.status == 404 and reply.body == b"no such thing"
    assert [r.getMessage() for r in caplog.records if r.name == "django.request"] == [
        "Not Found: /missing"
    ]
