"""The ASGI handler runs Django's synchronous middleware and view in one hop, on one thread per worker."""

import asyncio
import threading

from asgiref.sync import SyncToAsync

from broadsheet.handler import SyncChainASGIHandler

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
    assert isinstance(handler._middleware_chain, SyncToAsync)  # the whole chain is one synchronous call
    SEEN.clear()
    assert call_asgi(handler, "/api/comments/policy").status == 200
    assert call_asgi(handler, "/api/comments/policy").status == 200
    assert [kind for kind, _ in SEEN] == ["middleware", "view"] * 2
    assert len({ident for _, ident in SEEN}) == 1


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
