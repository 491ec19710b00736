"""Guards on the Django internals broadsheet/handler.py overrides: it replaces the middleware chain that
ASGIHandler builds and calls ASGIHandler.handle() itself, without Django's per-request thread context.
One failing after a Django upgrade means handler.py must be revisited before the upgrade ships (Django is
pinned to 5.2.x for this reason: README, "Dependencies"). The behaviour is tested in test_asgi_handler.py."""

import ast
import inspect
import textwrap

from asgiref.sync import SyncToAsync
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.base import BaseHandler

from broadsheet.handler import SyncChainASGIHandler


def test_asgi_handler_loads_its_middleware_async_at_construction():
    assert "self.load_middleware(is_async=True)" in inspect.getsource(ASGIHandler.__init__)
    assert list(inspect.signature(BaseHandler.load_middleware).parameters) == ["self", "is_async"]


def test_load_middleware_leaves_the_chain_in_middleware_chain():
    assert BaseHandler._middleware_chain is None  # the class attribute the instance's chain shadows
    assert "self._middleware_chain = handler" in inspect.getsource(BaseHandler.load_middleware)


def test_the_async_path_awaits_the_chain_with_the_request_alone():
    source = inspect.getsource(BaseHandler.get_response_async)
    assert "await self._middleware_chain(request)" in source


def test_call_only_wraps_handle_in_a_thread_sensitive_context():
    """handler.py's __call__ repeats Django's minus ThreadSensitiveContext; a new step here would be lost."""
    source = inspect.getsource(ASGIHandler.__call__)
    assert "async with ThreadSensitiveContext():" in source
    assert "await self.handle(scope, receive, send)" in source
    function = ast.parse(textwrap.dedent(source)).body[0]
    steps = [type(node).__name__ for node in function.body if not _is_docstring(node)]
    assert steps == ["If", "AsyncWith"], (
        "ASGIHandler.__call__ changed: compare SyncChainASGIHandler.__call__"
    )
    assert list(inspect.signature(ASGIHandler.handle).parameters) == [
        "self",
        "scope",
        "receive",
        "send",
    ]


def _is_docstring(node):
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def test_our_chain_is_one_awaitable_hop(settings):
    settings.BROADSHEET_SYNC_THREADS = 1
    handler = SyncChainASGIHandler()
    assert isinstance(handler._middleware_chain, SyncToAsync)


def test_handle_does_the_steps_our_one_hop_repeats():
    """handler.py's handle() and respond() repeat ASGIHandler.handle and get_response_async around the
    chain; a step Django adds there would be lost."""
    handle = inspect.getsource(ASGIHandler.handle)
    for step in (
        "body_file = await self.read_body(receive)",
        "set_script_prefix(get_script_prefix(scope))",
        "await signals.request_started.asend(sender=self.__class__, scope=scope)",
        "request, error_response = self.create_request(scope, body_file)",
        "response = await self.run_get_response(request)",
        "self.listen_for_disconnect(receive)",
        "await sync_to_async(response.close)()",
        "body_file.close()",
    ):
        assert step in handle, step
    run = inspect.getsource(ASGIHandler.run_get_response)
    assert "response._handler_class = self.__class__" in run
    assert "response.block_size = self.chunk_size" in run
    get_response = inspect.getsource(BaseHandler.get_response_async)
    for step in (
        "set_urlconf(settings.ROOT_URLCONF)",
        "response._resource_closers.append(request.close)",
        "if response.status_code >= 400:",
        "log_response",
    ):
        assert step in get_response, step
