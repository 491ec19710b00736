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
